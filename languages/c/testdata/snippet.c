#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 1024

struct node {
    char *word;
    struct node *next;
};

static struct node *push(struct node *head, const char *word)
{
    struct node *n = malloc(sizeof *n);
    if (n == NULL) {
        perror("malloc");
        exit(EXIT_FAILURE);
    }
    n->word = strdup(word);
    n->next = head;
    return n;
}

int main(int argc, char **argv)
{
    char line[MAX_LINE];
    struct node *list = NULL;
    FILE *f = argc > 1 ? fopen(argv[1], "r") : stdin;

    if (!f)
        return 1;
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        list = push(list, line);
    }
    for (struct node *n = list; n; n = n->next)
        printf("%s\n", n->word);
    return 0;
}
