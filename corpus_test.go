// Real-code corpora for tests: samples of the machine's npm JavaScript and
// Python standard library (the smacker differential tests moved to difftest/).
package tswasm

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// pythonCorpus: a fixed sample of the machine's Python standard library.
func pythonCorpus(t *testing.T) []string {
	out, err := exec.Command("python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Output()
	if err != nil {
		skipOrFail(t, "python3 not found: no Python standard library to parse")
	}
	return sample(walkExt(t, strings.TrimSpace(string(out)), ".py"), 300)
}

// jsCorpus: a fixed sample of the JavaScript files of the machine's npm.
func jsCorpus(t *testing.T) []string {
	out, err := exec.Command("npm", "root", "-g").Output()
	if err != nil {
		skipOrFail(t, "npm not found: no JavaScript files to parse")
	}
	return sample(walkExt(t, filepath.Join(strings.TrimSpace(string(out)), "npm"), ".js"), 300)
}

// walkExt lists the regular files under root with extension ext, sorted.
func walkExt(t *testing.T, root, ext string) []string {
	var files []string
	_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ext) && d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		skipOrFail(t, fmt.Sprintf("no %s files under %s", ext, root))
	}
	sort.Strings(files)
	return files
}

// sample takes n files spread evenly over the sorted list.
func sample(files []string, n int) []string {
	if len(files) <= n {
		return files
	}
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, files[i*len(files)/n])
	}
	return out
}
