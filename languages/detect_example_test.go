package languages_test

import (
	"fmt"

	"github.com/tswasm/tswasm/languages"
	_ "github.com/tswasm/tswasm/languages/all"
)

// Detect reads an editor modeline, the file name, C++ in a .h header, and
// the shebang line.
func ExampleDetect_content() {
	for _, f := range []struct{ path, head string }{
		{"include/c++/12/vector", "// <vector> -*- C++ -*-\n"},
		{"util.h", "int twice(int);\n"},
		{"widget.h", "class Widget {\n public:\n  int size() const;\n};\n"},
		{"bin/tool", "#!/usr/bin/env python3\n"},
		{"notes", "# vim: set ft=ruby:\n"},
	} {
		s, ok := languages.Detect(f.path, []byte(f.head))
		fmt.Println(f.path, s, ok)
	}
	// Output:
	// include/c++/12/vector cpp true
	// util.h c true
	// widget.h cpp true
	// bin/tool python true
	// notes ruby true
}
