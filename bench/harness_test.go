package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/tswasm/tswasm/bench/internal/impl/tswasmimpl"
	"github.com/tswasm/tswasm/bench/internal/workload"
)

// A row is one implementation with one grammar source. Benchmarks are
// named .../lang=L/grammar=G/impl=I so that benchstat can put the
// implementations side by side (-col /impl) for each grammar.
type row struct {
	grammar string // "official" or "smacker"
	impl    string // "tswasm", "official" or "smacker"
}

// rowsFor lists the rows of lang: tswasm and the official binding on the
// official grammar; tswasm and smacker on smacker's grammar sources where
// testdata/grammars has them built to wasm.
func rowsFor(l workload.Lang) []row {
	rs := []row{{"official", "tswasm"}, {"official", "official"}}
	if l.Smacker {
		rs = append(rs, row{"smacker", "tswasm"}, row{"smacker", "smacker"})
	}
	return rs
}

func (r row) name(lang string) string {
	return "lang=" + lang + "/grammar=" + r.grammar + "/impl=" + r.impl
}

var tmpDir string

func TestMain(m *testing.M) {
	d, err := os.MkdirTemp("", "tswasm-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tmpDir = d
	if dir, err := workload.BenchDir(); err == nil {
		abs, _ := filepath.Abs(dir)
		os.Setenv("TSWASM_BENCH_DIR", abs)
		printVersions(abs)
	}
	code := m.Run()
	stopServers()
	closeLocal()
	os.RemoveAll(tmpDir)
	os.Exit(code)
}

// printVersions adds configuration lines to the benchmark output (benchstat
// keeps them): the pinned versions of what is compared.
func printVersions(dir string) {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return
	}
	re := regexp.MustCompile(`(?m)^\s*(github\.com/(?:smacker|tree-sitter|tetratelabs)/\S+) (v\S+)`)
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		fmt.Printf("%s: %s\n", strings.TrimPrefix(m[1], "github.com/"), m[2])
	}
}

// requireToolchain reports whether CI demands that nothing skips.
func requireToolchain() bool { return os.Getenv("TSWASM_REQUIRE_TOOLCHAIN") == "1" }

func skipOrFail(b *testing.B, msg string) {
	b.Helper()
	if requireToolchain() {
		b.Fatalf("%s (TSWASM_REQUIRE_TOOLCHAIN=1: nothing may skip)", msg)
	}
	b.Skip(msg)
}

// ---- tswasm, in process ----

type localKey struct {
	grammar string
	spec    workload.Spec
}

var (
	localMu    sync.Mutex
	localImpls = map[string]*tswasmimpl.Impl{}
	localWork  = map[localKey]workload.Prepared{}
	refChecks  = map[localKey]refCheck{}
)

type refCheck struct {
	check workload.Check
	paths []string
	err   error
}

func localImpl(grammar string) (*tswasmimpl.Impl, error) {
	if i := localImpls[grammar]; i != nil {
		return i, nil
	}
	i, err := tswasmimpl.New(context.Background(), grammar)
	if err != nil {
		return nil, err
	}
	localImpls[grammar] = i
	return i, nil
}

// localPrepared returns tswasm's prepared workload, preparing it and
// computing its check result (the reference the native rows must match) on
// first use.
func localPrepared(grammar string, spec workload.Spec) (workload.Prepared, error) {
	localMu.Lock()
	defer localMu.Unlock()
	k := localKey{grammar, spec}
	if w := localWork[k]; w != nil {
		return w, nil
	}
	impl, err := localImpl(grammar)
	if err != nil {
		return nil, err
	}
	w, err := workload.Prepare(impl, spec)
	if err != nil {
		return nil, err
	}
	c, err := w.Check()
	refChecks[k] = refCheck{check: c, paths: w.Paths(), err: err}
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("tswasm check: %w", err)
	}
	localWork[k] = w
	return w, nil
}

func closeLocal() {
	localMu.Lock()
	defer localMu.Unlock()
	for _, w := range localWork {
		w.Close()
	}
	for _, i := range localImpls {
		_ = i.Close()
	}
}

func skipUnsupported(b *testing.B, err error) {
	b.Helper()
	if errors.Is(err, workload.ErrUnsupported) {
		skipOrFail(b, err.Error())
	}
	b.Fatal(err)
}

// runLocal measures tswasm in this process.
func runLocal(b *testing.B, grammar string, spec workload.Spec) float64 {
	w, err := localPrepared(grammar, spec)
	if err != nil {
		skipUnsupported(b, err)
	}
	if n := w.Bytes(); n > 0 {
		b.SetBytes(n)
	}
	runtime.GC()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := w.Op(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	nsOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	if items, unit := w.Items(); items > 0 {
		b.ReportMetric(nsOp/items, "ns/"+unit)
	}
	return nsOp
}

// ---- native bindings, in child processes ----

var (
	buildMu  sync.Mutex
	children = map[string]string{}
	buildErr = map[string]error{}
)

// childBinary builds internal/child for impl ("tswasm", "official",
// "smacker") once per test process.
func childBinary(b *testing.B, impl string) string {
	b.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if p, ok := children[impl]; ok {
		return p
	}
	if err, ok := buildErr[impl]; ok {
		skipOrFail(b, err.Error())
	}
	out := filepath.Join(tmpDir, "child-"+impl)
	args := []string{"build", "-o", out}
	env := os.Environ()
	if impl == "tswasm" {
		env = append(env, "CGO_ENABLED=0")
	} else {
		args = append(args, "-tags", impl)
		env = append(env, "CGO_ENABLED=1")
	}
	args = append(args, "./internal/child")
	cmd := exec.Command(goTool(), args...)
	cmd.Dir = os.Getenv("TSWASM_BENCH_DIR")
	cmd.Env = env
	if msg, err := cmd.CombinedOutput(); err != nil {
		e := fmt.Errorf("building the %s child (needs cgo and a C compiler for native rows): %v\n%s", impl, err, msg)
		buildErr[impl] = e
		skipOrFail(b, e.Error())
	}
	children[impl] = out
	return out
}

func goTool() string {
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); fileExists(p) {
		return p
	}
	return "go"
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// childRequest and childReply mirror internal/child's Request and Reply.
type childRequest struct {
	Grammar string        `json:"grammar"`
	Spec    workload.Spec `json:"spec"`
	N       int           `json:"n"`
	Check   bool          `json:"check"`
}

type childReply struct {
	Ns    int64           `json:"ns"`
	Bytes int64           `json:"bytes"`
	Items float64         `json:"items"`
	Unit  string          `json:"unit"`
	Check *workload.Check `json:"check,omitempty"`
	Paths []string        `json:"paths,omitempty"`
	Err   string          `json:"err,omitempty"`
	Skip  bool            `json:"skip,omitempty"`
}

type server struct {
	cmd    *exec.Cmd
	in     *bufio.Writer
	inC    interface{ Close() error }
	out    *json.Decoder
	stderr *bytes.Buffer
}

var (
	serverMu sync.Mutex
	servers  = map[string]*server{}
	checked  = map[string]bool{}
)

func startServer(b *testing.B, impl string) *server {
	b.Helper()
	serverMu.Lock()
	defer serverMu.Unlock()
	if s := servers[impl]; s != nil {
		return s
	}
	bin := childBinary(b, impl)
	cmd := exec.Command(bin, "serve")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	s := &server{cmd: cmd, in: bufio.NewWriter(stdin), inC: stdin, out: json.NewDecoder(stdout), stderr: &bytes.Buffer{}}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	servers[impl] = s
	return s
}

func stopServers() {
	serverMu.Lock()
	defer serverMu.Unlock()
	for _, s := range servers {
		_ = s.inC.Close()
		_ = s.cmd.Wait()
	}
}

func (s *server) call(req childRequest) (childReply, error) {
	var rep childReply
	line, err := json.Marshal(req)
	if err != nil {
		return rep, err
	}
	if _, err := s.in.Write(append(line, '\n')); err != nil {
		return rep, err
	}
	if err := s.in.Flush(); err != nil {
		return rep, err
	}
	if err := s.out.Decode(&rep); err != nil {
		return rep, fmt.Errorf("child: %v\n%s", err, s.stderr.String())
	}
	return rep, nil
}

// runChild measures a native binding in its server process. The first
// request for a workload asks for its check result and compares it with
// tswasm's for the same grammar source; a difference fails the benchmark.
func runChild(b *testing.B, impl, grammar string, spec workload.Spec) float64 {
	s := startServer(b, impl)
	ck := fmt.Sprintf("%s/%s/%+v", impl, grammar, spec)
	serverMu.Lock()
	needCheck := !checked[ck]
	serverMu.Unlock()
	var ref refCheck
	if needCheck {
		if _, err := localPrepared(grammar, spec); err != nil {
			if errors.Is(err, workload.ErrUnsupported) {
				skipOrFail(b, "no tswasm result to check against: "+err.Error())
			}
			b.Fatal(err)
		}
		localMu.Lock()
		ref = refChecks[localKey{grammar, spec}]
		localMu.Unlock()
	}
	// The timer keeps running across the call so that the framework sizes
	// b.N from the real wall time; ns/op is then replaced by the child's own
	// measurement of its loop.
	rep, err := s.call(childRequest{Grammar: grammar, Spec: spec, N: b.N, Check: needCheck})
	if err != nil {
		b.Fatal(err)
	}
	if rep.Err != "" {
		if rep.Skip {
			skipOrFail(b, rep.Err)
		}
		b.Fatal(rep.Err)
	}
	if needCheck {
		if rep.Check == nil {
			b.Fatal("child returned no check result")
		}
		// smacker's runtime (≈0.22) names a field for extra nodes (comments)
		// in ts_node_field_name_for_child, where its own TreeCursor and
		// tree-sitter ≥0.23 name none: its node walk is compared without
		// field names.
		lax := impl == "smacker" && spec.Workload == workload.WWalkNodes
		if err := ref.check.Compare(*rep.Check, [2]string{"tswasm", impl}, ref.paths, lax); err != nil {
			b.Fatalf("%s and tswasm disagree on the same grammar source: %v", impl, err)
		}
		serverMu.Lock()
		checked[ck] = true
		serverMu.Unlock()
	}
	nsOp := float64(rep.Ns) / float64(b.N)
	b.ReportMetric(nsOp, "ns/op")
	if rep.Bytes > 0 && rep.Ns > 0 {
		b.ReportMetric(float64(rep.Bytes)*float64(b.N)/float64(rep.Ns)*1e3, "MB/s")
	}
	if rep.Items > 0 {
		b.ReportMetric(nsOp/rep.Items, "ns/"+rep.Unit)
	}
	return nsOp
}

// runRow measures one row and returns its ns/op.
func runRow(b *testing.B, r row, spec workload.Spec) float64 {
	if r.impl == "tswasm" {
		return runLocal(b, r.grammar, spec)
	}
	return runChild(b, r.impl, r.grammar, spec)
}
