package com.example.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A small in-memory catalogue of books. */
public class Catalogue {
    public record Book(String isbn, String title, int year) {}

    private final List<Book> books = new ArrayList<>();

    public void add(Book book) {
        if (book == null) {
            throw new IllegalArgumentException("book must not be null");
        }
        books.add(book);
    }

    public Optional<Book> findByIsbn(String isbn) {
        return books.stream().filter(b -> b.isbn().equals(isbn)).findFirst();
    }

    public List<Book> publishedAfter(int year) {
        List<Book> result = new ArrayList<>();
        for (Book b : books) {
            if (b.year() > year) {
                result.add(b);
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "Catalogue(" + books.size() + " books)";
    }
}
