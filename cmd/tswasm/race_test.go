//go:build race

package main

// raceEnabled makes TestMain build the tswasm binary with -race too, so
// that the end-to-end tests check the CLI's workers for data races.
const raceEnabled = true
