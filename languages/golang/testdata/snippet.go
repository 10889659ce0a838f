// Package kv is a tiny concurrent key-value store.
package kv

import (
	"errors"
	"sync"
)

// ErrNotFound is returned by Get for a missing key.
var ErrNotFound = errors.New("kv: not found")

// Store maps string keys to values.
type Store[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

// New returns an empty store.
func New[V any]() *Store[V] {
	return &Store[V]{m: make(map[string]V)}
}

// Get returns the value stored under key.
func (s *Store[V]) Get(key string) (V, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.m[key]
	if !ok {
		var zero V
		return zero, ErrNotFound
	}
	return v, nil
}

// Keys returns the keys in no particular order.
func (s *Store[V]) Keys() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	keys := make([]string, 0, len(s.m))
	for k := range s.m {
		keys = append(keys, k)
	}
	return keys
}
