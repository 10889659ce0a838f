// Package grammars holds the record of the tree-sitter grammars bundled
// under languages/: manifest.json (npm package, version, license, ABI and
// sha256 of every wasm and query file), update.sh, which refreshes them
// from npm and regenerates the language packages, and a test that checks
// the files against the manifest. It has no API; import the packages under
// languages/ instead.
package grammars
