package main

import (
	"strings"
)

// This file implements the subset of .gitignore semantics that the file
// walker honours (see gitignore(5)):
//
//   - blank lines and lines starting with "#" are ignored; "\#" and "\!"
//     escape a leading "#" or "!";
//   - trailing spaces are dropped unless escaped with a backslash;
//   - a leading "!" negates the pattern: a path it matches is included again
//     (unless a parent directory is excluded: the walker never enters it);
//   - a trailing "/" makes the pattern match directories only;
//   - a pattern with a "/" at its start or in its middle is anchored to the
//     directory of the .gitignore file; one without matches a name at any
//     depth;
//   - "*" matches anything but "/", "?" one character but "/", "[a-z]",
//     "[!a-z]" and "[^a-z]" a character class, "\x" the character x;
//   - "**/" at the start matches in all directories, "/**" at the end
//     everything inside, "/**/" in the middle zero or more directories.
//
// The last matching pattern decides, and patterns of a deeper .gitignore
// come after those of its parents.

// ignoreRule is one pattern line.
type ignoreRule struct {
	segs     []string // the pattern split on "/", without leading and trailing slashes
	negate   bool     // "!pattern"
	dirOnly  bool     // "pattern/"
	anchored bool     // matched from the base directory rather than against the name
}

// parseIgnore parses the text of a .gitignore file (or a list of --exclude
// patterns, one per line).
func parseIgnore(text string) []ignoreRule {
	var rules []ignoreRule
	for _, line := range strings.Split(text, "\n") {
		if r, ok := parseIgnoreLine(line); ok {
			rules = append(rules, r)
		}
	}
	return rules
}

// parseIgnoreLine parses one pattern; ok is false for blank lines and comments.
func parseIgnoreLine(line string) (r ignoreRule, ok bool) {
	line = strings.TrimSuffix(line, "\r")
	line = trimTrailingSpaces(line)
	if line == "" || line[0] == '#' {
		return r, false
	}
	switch {
	case line[0] == '!':
		r.negate = true
		line = line[1:]
	case strings.HasPrefix(line, `\!`), strings.HasPrefix(line, `\#`):
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		r.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if strings.HasPrefix(line, "/") {
		r.anchored = true
		line = strings.TrimLeft(line, "/")
	}
	if line == "" {
		return r, false
	}
	if strings.Contains(line, "/") {
		r.anchored = true
	}
	for _, s := range strings.Split(line, "/") {
		if s != "" { // "a//b" is "a/b"
			r.segs = append(r.segs, s)
		}
	}
	return r, true
}

// trimTrailingSpaces drops trailing spaces that are not escaped by a backslash.
func trimTrailingSpaces(s string) string {
	for strings.HasSuffix(s, " ") {
		rest := s[:len(s)-1]
		// Count the backslashes before the space: an odd number escapes it.
		n := 0
		for i := len(rest) - 1; i >= 0 && rest[i] == '\\'; i-- {
			n++
		}
		if n%2 == 1 {
			return s
		}
		s = rest
	}
	return s
}

// match reports whether the rule matches rel, a slash-separated path
// relative to the rule's base directory.
func (r *ignoreRule) match(rel string, isDir bool) bool {
	if r.dirOnly && !isDir {
		return false
	}
	if !r.anchored {
		name := rel
		if i := strings.LastIndexByte(rel, '/'); i >= 0 {
			name = rel[i+1:]
		}
		return globSegment(r.segs[0], name)
	}
	return matchSegments(r.segs, strings.Split(rel, "/"))
}

// matchSegments matches pattern segments against path segments; "**" stands
// for any number of whole segments (at the end, at least one).
func matchSegments(pat, path []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			if len(pat) == 1 {
				return len(path) > 0
			}
			for i := 0; i <= len(path); i++ {
				if matchSegments(pat[1:], path[i:]) {
					return true
				}
			}
			return false
		}
		if len(path) == 0 || !globSegment(pat[0], path[0]) {
			return false
		}
		pat, path = pat[1:], path[1:]
	}
	return len(path) == 0
}

// globSegment matches one path segment against a glob with *, ?, [...] and
// backslash escapes. "**" inside a segment acts as "*".
func globSegment(pat, s string) bool {
	// Iterative matcher with backtracking to the last star.
	px, sx := 0, 0
	starP, starS := -1, -1
	for sx < len(s) {
		if px < len(pat) {
			switch c := pat[px]; c {
			case '*':
				for px < len(pat) && pat[px] == '*' {
					px++
				}
				starP, starS = px, sx
				continue
			case '?':
				if s[sx] != '/' {
					px++
					sx++
					continue
				}
			case '[':
				if n, ok, valid := matchClass(pat[px:], s[sx]); valid {
					if ok {
						px += n
						sx++
						continue
					}
				} else if s[sx] == '[' { // an unterminated class is a literal "["
					px++
					sx++
					continue
				}
			case '\\':
				if px+1 < len(pat) && pat[px+1] == s[sx] {
					px += 2
					sx++
					continue
				}
				if px+1 == len(pat) && s[sx] == '\\' {
					px++
					sx++
					continue
				}
			default:
				if c == s[sx] {
					px++
					sx++
					continue
				}
			}
		}
		if starP >= 0 && s[starS] != '/' {
			starS++
			px, sx = starP, starS
			continue
		}
		return false
	}
	for px < len(pat) && pat[px] == '*' {
		px++
	}
	return px == len(pat)
}

// matchClass matches c against the bracket expression at the start of pat.
// It returns the expression's length, whether c matched, and whether the
// expression is well formed (terminated by "]").
func matchClass(pat string, c byte) (n int, ok, valid bool) {
	i := 1
	negate := false
	if i < len(pat) && (pat[i] == '!' || pat[i] == '^') {
		negate = true
		i++
	}
	first := true
	for i < len(pat) {
		if pat[i] == ']' && !first {
			return i + 1, ok != negate, true
		}
		first = false
		lo := pat[i]
		if lo == '\\' && i+1 < len(pat) {
			i++
			lo = pat[i]
		}
		i++
		hi := lo
		if i+1 < len(pat) && pat[i] == '-' && pat[i+1] != ']' {
			hi = pat[i+1]
			if hi == '\\' && i+2 < len(pat) {
				i++
				hi = pat[i+1]
			}
			i += 2
		}
		if lo <= c && c <= hi {
			ok = true
		}
	}
	return 0, false, false
}

// ignoreList is the rules of one .gitignore file (or --exclude list) with
// the directory they are relative to.
type ignoreList struct {
	base  string // slash path relative to the walk root; "" for the root
	rules []ignoreRule
}

// ignoreStack is the .gitignore files from the walk root down to the
// directory being walked.
type ignoreStack []ignoreList

// ignored reports whether rel (slash path relative to the walk root) is
// excluded: the last rule that matches it, over all lists, decides.
func (st ignoreStack) ignored(rel string, isDir bool) bool {
	ignored := false
	for i := range st {
		l := &st[i]
		sub := rel
		if l.base != "" {
			if !strings.HasPrefix(rel, l.base+"/") {
				continue
			}
			sub = rel[len(l.base)+1:]
		}
		for j := range l.rules {
			r := &l.rules[j]
			if r.negate == ignored && r.match(sub, isDir) {
				ignored = !r.negate
			}
		}
	}
	return ignored
}
