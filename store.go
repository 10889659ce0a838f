package tswasm

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/tswasm/tswasm/internal/link"
)

// Store states.
const (
	storeOK int32 = iota
	storeBroken
	storeFreed
)

// Store is one instance of the tree-sitter runtime with its own linear
// memory. Grammars are linked into it on first use. Calls into a store are
// serialized; different stores run in parallel. A Store is reference
// counted: each Parser and Tree on it holds a reference, and the store is
// freed when the last one is released.
type Store struct {
	engine *Engine
	refs   atomic.Int64
	users  atomic.Int32 // parsers, for pool balancing
	state  atomic.Int32
	owned  atomic.Bool // a NewStore reference not yet given back by Close

	mu      sync.Mutex // serializes every call into the instance
	mod     api.Module
	mem     api.Memory
	fn      storeFuncs
	stack   []uint64
	scratch uint32 // storeScratchSize bytes for TSNode arguments and results
	oomFlag uint32
	inBuf   uint32 // reusable input buffer
	inCap   uint32
	langs   map[*grammar]*linkedLanguage
	broken  atomic.Pointer[error] // set once, by trap
	// callbackG is the goroutine running a user callback from inside a wasm
	// call (input reader, logger), or 0; lock uses it to refuse re-entry.
	callbackG atomic.Int64
	named     map[string]api.Function // exports looked up by name on first use
}

type linkedLanguage struct {
	inst *link.Instance
	ptr  uint32
}

const storeScratchSize = 256

func newStore(ctx context.Context, e *Engine) (*Store, error) {
	mod, err := e.rt.InstantiateModule(ctx, e.compiled,
		wazero.NewModuleConfig().WithName("").WithStartFunctions("_initialize"))
	if err != nil {
		return nil, fmt.Errorf("tswasm: instantiating the runtime: %w", err)
	}
	s := &Store{engine: e, mod: mod, mem: mod.Memory(), stack: make([]uint64, 16), langs: map[*grammar]*linkedLanguage{}}
	if err := s.fn.lookup(mod); err != nil {
		_ = mod.Close(ctx)
		return nil, err
	}
	s.refs.Store(1)
	s.owned.Store(true)
	fail := func(err error) (*Store, error) {
		_ = mod.Close(ctx)
		return nil, fmt.Errorf("tswasm: initializing store: %w", err)
	}
	if _, err := s.call(ctx, s.fn.init); err != nil {
		return fail(err)
	}
	flag, err := s.call(ctx, s.fn.oomFlag)
	if err != nil {
		return fail(err)
	}
	s.oomFlag = uint32(flag)
	scratch, err := s.call(ctx, s.fn.malloc, storeScratchSize)
	if err != nil || scratch == 0 {
		return fail(errors.Join(err, ErrMemoryLimit))
	}
	s.scratch = uint32(scratch)
	return s, nil
}

// Close gives back the reference NewStore returned. The store is freed once
// its parsers and trees are closed too. Close is idempotent.
func (s *Store) Close() error {
	if s.owned.CompareAndSwap(true, false) {
		s.release()
	}
	return nil
}

// NewParser creates a parser on this store.
func (s *Store) NewParser(ctx context.Context) (*Parser, error) {
	if !s.owned.Load() {
		return nil, ErrClosed
	}
	if !s.acquire() {
		return nil, ErrClosed
	}
	p, err := newParser(ctx, s)
	s.release()
	return p, err
}

// Err returns nil while the store is usable, ErrStoreBroken (wrapping the
// trap) after a trap, and ErrClosed once it is freed.
func (s *Store) Err() error {
	switch s.state.Load() {
	case storeBroken:
		return s.brokenErr()
	case storeFreed:
		return ErrClosed
	}
	return nil
}

func (s *Store) brokenErr() error {
	if p := s.broken.Load(); p != nil {
		return *p
	}
	return ErrStoreBroken
}

// acquire takes a reference; it fails once the store has been freed.
func (s *Store) acquire() bool {
	for {
		r := s.refs.Load()
		if r <= 0 {
			return false
		}
		if s.refs.CompareAndSwap(r, r+1) {
			return true
		}
	}
}

// release drops a reference and frees the instance after the last one.
func (s *Store) release() {
	n := s.refs.Add(-1)
	if n > 0 {
		return
	}
	if n < 0 {
		panic("tswasm: store reference count below zero")
	}
	s.mu.Lock()
	s.state.Store(storeFreed)
	for _, l := range s.langs {
		l.inst.Close(context.Background())
	}
	s.langs = nil
	_ = s.mod.Close(context.Background())
	s.mu.Unlock()
	e := s.engine
	e.mu.Lock()
	e.stats.storesFreed++
	e.mu.Unlock()
	e.unref()
}

// ErrReentrant is returned when a callback that runs inside a wasm call (an
// input reader, a logger) calls into the store that is running it.
var ErrReentrant = errors.New("tswasm: a callback called into the store that is running it")

// lock takes the store's call lock and checks that it is usable. From inside
// a callback of the same store it fails with ErrReentrant instead of
// deadlocking.
func (s *Store) lock() error {
	if !s.mu.TryLock() {
		if g := s.callbackG.Load(); g != 0 && g == goroutineID() {
			return ErrReentrant
		}
		s.mu.Lock()
	}
	switch s.state.Load() {
	case storeBroken:
		s.mu.Unlock()
		return s.brokenErr()
	case storeFreed:
		s.mu.Unlock()
		return ErrClosed
	}
	return nil
}

func (s *Store) unlock() { s.mu.Unlock() }

// call runs f with args; the caller holds s.mu. The stack slice is reused,
// so a call allocates nothing.
func (s *Store) call(ctx context.Context, f api.Function, args ...uint64) (uint64, error) {
	stack := s.stack
	copy(stack, args)
	if err := f.CallWithStack(ctx, stack); err != nil {
		return 0, err
	}
	return stack[0], nil
}

// goroutineID returns the current goroutine's id. It is slow (it formats a
// stack header), so lock asks for it only when the store is busy while a
// callback runs.
func goroutineID() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return -1
	}
	return id
}

// export returns the runtime export called name, looked up on first use and
// kept; the caller holds s.mu. Each file of the package that calls into the
// runtime beyond the core set in storeFuncs uses this. A missing export is a
// build error of the runtime module, so it panics.
func (s *Store) export(name string) api.Function {
	if f, ok := s.named[name]; ok {
		return f
	}
	f := s.mod.ExportedFunction(name)
	if f == nil {
		panic("tswasm: runtime module does not export " + name)
	}
	if s.named == nil {
		s.named = map[string]api.Function{}
	}
	s.named[name] = f
	return f
}

// trap marks the store broken after a failed call and builds the error.
func (s *Store) trap(op, grammarName string, err error) error {
	if s.oomFlag != 0 {
		if v, ok := s.mem.ReadUint32Le(s.oomFlag); ok && v != 0 {
			err = fmt.Errorf("%w: %w", ErrMemoryLimit, err)
		}
	}
	te := &TrapError{Grammar: grammarName, Op: op, Err: err}
	broken := fmt.Errorf("%w: %w", ErrStoreBroken, te)
	s.broken.CompareAndSwap(nil, &broken)
	s.state.Store(storeBroken)
	return te
}

// malloc allocates n bytes in wasm memory; the caller holds s.mu.
func (s *Store) malloc(ctx context.Context, n uint32) (uint32, error) {
	p, err := s.call(ctx, s.fn.malloc, uint64(n))
	if err != nil {
		return 0, s.trap("malloc", "", err)
	}
	if p == 0 {
		return 0, fmt.Errorf("tswasm: allocating %d bytes: %w", n, ErrMemoryLimit)
	}
	return uint32(p), nil
}

func (s *Store) free(ctx context.Context, p uint32) error {
	if p == 0 {
		return nil
	}
	if _, err := s.call(ctx, s.fn.free, uint64(p)); err != nil {
		return s.trap("free", "", err)
	}
	return nil
}

// writeInput copies src into the store's reusable input buffer.
func (s *Store) writeInput(ctx context.Context, src []byte) (uint32, error) {
	n := uint32(len(src))
	if n > s.inCap || s.inBuf == 0 {
		if err := s.free(ctx, s.inBuf); err != nil {
			return 0, err
		}
		s.inBuf, s.inCap = 0, 0
		c := max(n, 4096)
		p, err := s.malloc(ctx, c)
		if err != nil {
			return 0, err
		}
		s.inBuf, s.inCap = p, c
	}
	if !s.mem.Write(s.inBuf, src) {
		return 0, errors.New("tswasm: input buffer out of range")
	}
	return s.inBuf, nil
}

// cString reads a NUL-terminated string at p.
func (s *Store) cString(p uint32) string {
	if p == 0 {
		return ""
	}
	size := s.mem.Size()
	if p >= size {
		return ""
	}
	b, _ := s.mem.Read(p, size-p)
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

func (s *Store) u32(p uint32) uint32 {
	v, _ := s.mem.ReadUint32Le(p)
	return v
}

// linkLanguage links g into the store (once) and returns its TSLanguage
// address; the caller holds s.mu.
func (s *Store) linkLanguage(ctx context.Context, g *grammar) (uint32, error) {
	if l := s.langs[g]; l != nil {
		return l.ptr, nil
	}
	t := link.Target{
		Runtime:  s.engine.rt,
		Instance: s.mod,
		AllocData: func(ctx context.Context, size, align uint32) (uint32, error) {
			r, err := s.call(ctx, s.fn.allocData, uint64(size), uint64(align))
			return uint32(r), err
		},
		TableGrow: func(ctx context.Context, n uint32) (uint32, error) {
			r, err := s.call(ctx, s.fn.tableGrow, uint64(n))
			return uint32(r), err
		},
	}
	inst, err := link.Link(ctx, t, g.info, g.compiled)
	if err != nil {
		var ie *link.ImportError
		if errors.As(err, &ie) {
			return 0, err // nothing ran: the store is intact
		}
		// A trap in relocation or constructors may have written anywhere.
		s.trap("link", g.info.Name, err)
		return 0, err
	}
	s.langs[g] = &linkedLanguage{inst: inst, ptr: inst.Language}
	return inst.Language, nil
}

// writeNode stores n's 24-byte TSNode at p.
func (s *Store) writeNode(p uint32, n *Node) {
	b, _ := s.mem.Read(p, 24)
	binary.LittleEndian.PutUint32(b[0:], n.ctx[0])
	binary.LittleEndian.PutUint32(b[4:], n.ctx[1])
	binary.LittleEndian.PutUint32(b[8:], n.ctx[2])
	binary.LittleEndian.PutUint32(b[12:], n.ctx[3])
	binary.LittleEndian.PutUint32(b[16:], n.id)
	binary.LittleEndian.PutUint32(b[20:], n.tsTree)
}

// readNode loads a TSNode from p.
func (s *Store) readNode(p uint32, t *Tree) Node {
	b, _ := s.mem.Read(p, 24)
	n := Node{
		tree:   t,
		ctx:    [4]uint32{binary.LittleEndian.Uint32(b[0:]), binary.LittleEndian.Uint32(b[4:]), binary.LittleEndian.Uint32(b[8:]), binary.LittleEndian.Uint32(b[12:])},
		id:     binary.LittleEndian.Uint32(b[16:]),
		tsTree: binary.LittleEndian.Uint32(b[20:]),
	}
	if n.id == 0 {
		return Node{}
	}
	return n
}
