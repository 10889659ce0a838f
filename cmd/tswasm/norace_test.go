//go:build !race

package main

// raceEnabled is false: the binary is built without the race detector.
const raceEnabled = false
