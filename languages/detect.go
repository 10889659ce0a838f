// Content-based detection: editor modelines, C or C++ headers, sibling files.
package languages

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// modelineLines is how many lines at the start and at the end of a file's
// head are searched for a modeline (Vim's default 'modelines' is 5).
const modelineLines = 5

// modeNames maps editor mode and filetype names that are not a registered
// name or alias to registry names.
var modeNames = map[string]string{
	"shell-script":    "bash",
	"ksh":             "bash",
	"js2":             "javascript",
	"js-jsx":          "javascript",
	"javascriptreact": "javascript",
	"typescript-tsx":  "tsx",
	"csharp-mode":     "c_sharp",
	"c-or-c++":        "cpp",
	"objc":            "c",
	"jsonc":           "json",
}

var (
	// Emacs: "-*- C++ -*-" or "-*- mode: c++; tab-width: 4 -*-".
	emacsRE = regexp.MustCompile(`-\*-(.+?)-\*-`)
	// Vim: "vim: set ft=cpp:", "vi: filetype=python", "ex: syntax=sh".
	vimRE = regexp.MustCompile(`(?:^|\s)(?:vim?|Vim|ex)(?:[<=>]?\d+)?:.*?\b(?:ft|filetype|syn|syntax)=([A-Za-z0-9_+#.-]+)`)
)

// ForModeline returns the spec named by an editor modeline in a file's first
// bytes: an Emacs one on the first two lines ("-*- C++ -*-",
// "-*- mode: python -*-"), or a Vim one ("vim: set ft=cpp:",
// "vi: filetype=sh") on the first or last five lines of head. Mode names
// are looked up like Lookup, with editor spellings such as "shell-script"
// and a "-mode" or "-ts" suffix understood.
func ForModeline(head []byte) (*Spec, bool) {
	if len(head) == 0 {
		return nil, false
	}
	lines := bytes.Split(head, []byte("\n"))
	for i, l := range lines {
		if i == 2 {
			break
		}
		if m := emacsRE.FindSubmatch(l); m != nil {
			if s, ok := lookupMode(emacsMode(string(m[1]))); ok {
				return s, true
			}
		}
	}
	check := func(l []byte) (*Spec, bool) {
		if m := vimRE.FindSubmatch(l); m != nil {
			return lookupMode(string(m[1]))
		}
		return nil, false
	}
	for i := 0; i < len(lines) && i < modelineLines; i++ {
		if s, ok := check(lines[i]); ok {
			return s, true
		}
	}
	for i := max(len(lines)-modelineLines, modelineLines); i < len(lines); i++ {
		if s, ok := check(lines[i]); ok {
			return s, true
		}
	}
	return nil, false
}

// emacsMode returns the mode of the text between Emacs's "-*-" markers.
func emacsMode(v string) string {
	if !strings.Contains(v, ":") {
		return strings.TrimSpace(v)
	}
	for _, kv := range strings.Split(v, ";") {
		k, val, ok := strings.Cut(kv, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), "mode") {
			return strings.TrimSpace(val)
		}
	}
	return ""
}

// lookupMode finds the spec of an editor mode name.
func lookupMode(name string) (*Spec, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" {
		return nil, false
	}
	for _, cand := range []string{n, strings.TrimSuffix(n, "-mode"), strings.TrimSuffix(strings.TrimSuffix(n, "-mode"), "-ts")} {
		if s, ok := Lookup(cand); ok {
			return s, true
		}
		if alias, ok := modeNames[cand]; ok {
			if s, ok := Lookup(alias); ok {
				return s, true
			}
		}
	}
	return nil, false
}

// cppLineRE matches lines that only C++ writes: templates, namespaces,
// classes, access specifiers, using declarations, C++ standard headers,
// extern "C++", operator overloads.
var cppLineRE = regexp.MustCompile(`^\s*(?:` +
	`template\s*<` +
	`|namespace(?:\s+[A-Za-z_][\w:]*)?\s*\{` +
	`|class\s+[A-Za-z_]\w*\s*(?:final\s*)?(?::|\{|$)` +
	`|(?:public|private|protected)\s*:` +
	`|using\s+namespace\s` +
	`|#\s*include\s*<[a-z_]+>` +
	`|extern\s+"C\+\+"` +
	`)|\bstd::|\boperator\s*(?:[-+*/%^&|~!=<>]+|\(\)|\[\])\s*\(|\b(?:noexcept|decltype)\b`)

// LooksLikeCpp reports whether a C-family header's first bytes use C++:
// templates, namespaces, classes, access specifiers, std::, C++ standard
// headers (#include <vector>), extern "C++", operator overloads, noexcept
// or decltype. Comment lines are ignored. The extern "C" guard of C headers
// is not a sign of C++.
func LooksLikeCpp(head []byte) bool {
	inComment := false
	for line := range bytes.Lines(head) {
		t := bytes.TrimSpace(line)
		if inComment {
			if i := bytes.Index(t, []byte("*/")); i >= 0 {
				inComment = false
				t = bytes.TrimSpace(t[i+2:])
			} else {
				continue
			}
		}
		if bytes.HasPrefix(t, []byte("//")) || bytes.HasPrefix(t, []byte("*")) {
			continue
		}
		if bytes.HasPrefix(t, []byte("/*")) {
			if i := bytes.Index(t[2:], []byte("*/")); i >= 0 {
				t = bytes.TrimSpace(t[i+4:])
			} else {
				inComment = true
				continue
			}
		}
		if cppLineRE.Match(t) {
			return true
		}
	}
	return false
}

// ambiguousHeader reports whether p is a ".h" file, which C and C++ share.
func ambiguousHeader(p string) bool {
	return strings.EqualFold(filepath.Ext(p), ".h")
}

// cppSpec returns the registered C++ spec, if any.
func cppSpec() (*Spec, bool) { return Lookup("cpp") }

// Detect returns the spec for a file from its path and head, its first
// bytes (nil when unknown), in this order:
//
//  1. an editor modeline in head (ForModeline), as editors do;
//  2. the file name (ForFilename); a ".h" header goes to C++ when head
//     looks like C++ (LooksLikeCpp), else to C;
//  3. the shebang line (ForShebang).
//
// DetectFile adds a look at the files beside a ".h" header.
func Detect(p string, head []byte) (*Spec, bool) {
	if s, ok := ForModeline(head); ok {
		return s, true
	}
	if s, ok := ForFilename(p); ok {
		if ambiguousHeader(p) && head != nil && LooksLikeCpp(head) {
			if cpp, ok := cppSpec(); ok {
				return cpp, true
			}
		}
		return s, true
	}
	return ForShebang(head)
}

// DetectFile is Detect for a file on disk: a ".h" header whose head shows
// neither C nor C++ goes to C++ when its directory holds C++ sources (.cc,
// .cpp, .cxx, .c++, .hpp, .hh, .hxx) and no ".c" file. Directory listings
// are cached, so a walk reads each directory once.
func DetectFile(p string, head []byte) (*Spec, bool) {
	s, ok := Detect(p, head)
	if !ok || !ambiguousHeader(p) || s.Name == "cpp" {
		return s, ok
	}
	if _, fromModeline := ForModeline(head); fromModeline {
		return s, ok
	}
	if cppSiblings(filepath.Dir(p)) {
		if cpp, ok := cppSpec(); ok {
			return cpp, true
		}
	}
	return s, ok
}

// siblingCache remembers, per directory, whether it holds C++ sources and
// no C source.
var siblingCache = struct {
	sync.Mutex
	m map[string]bool
}{m: map[string]bool{}}

// maxSiblingCache bounds the cache; it is cleared when full.
const maxSiblingCache = 4096

func cppSiblings(dir string) bool {
	siblingCache.Lock()
	v, ok := siblingCache.m[dir]
	siblingCache.Unlock()
	if ok {
		return v
	}
	entries, _ := os.ReadDir(dir)
	cpp, c := false, false
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".cc", ".cpp", ".cxx", ".c++", ".hpp", ".hh", ".hxx":
			cpp = true
		case ".c":
			c = true
		}
	}
	v = cpp && !c
	siblingCache.Lock()
	if len(siblingCache.m) >= maxSiblingCache {
		clear(siblingCache.m)
	}
	siblingCache.m[dir] = v
	siblingCache.Unlock()
	return v
}
