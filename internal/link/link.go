package link

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/tswasm/tswasm/internal/wasmbin"
)

// Target is the runtime instance grammars are linked into.
type Target struct {
	Runtime  wazero.Runtime
	Instance api.Module // exports memory, __indirect_function_table, __stack_pointer, libc
	// AllocData reserves a zeroed block of size bytes aligned to align and
	// returns its address, or 0.
	AllocData func(ctx context.Context, size, align uint32) (uint32, error)
	// TableGrow appends n null entries to the table and returns the old
	// size, or 0xffffffff.
	TableGrow func(ctx context.Context, n uint32) (uint32, error)
	// Limits caps what one grammar may take; zero fields mean DefaultLimits.
	Limits Limits
	// Reserve, if set, is asked before anything is allocated or grown for a
	// grammar, with the grammar's worst-case footprint; an error refuses the
	// grammar (a store uses it to count grammars against its memory limit).
	Reserve func(ctx context.Context, f Footprint) error
}

// Instance is a grammar linked into a target.
type Instance struct {
	Module     api.Module
	Language   uint32 // address of the TSLanguage
	MemoryBase uint32
	TableBase  uint32
	// Footprint is what linking reserved for the grammar (worst case,
	// including alignment padding); it stays reserved after Close.
	Footprint Footprint
	glue      []api.Module
}

// Close releases the grammar's wasm instances. Its memory block and table
// slots stay reserved: the TSLanguage may still be referenced.
func (in *Instance) Close(ctx context.Context) {
	for _, m := range in.glue {
		_ = m.Close(ctx)
	}
	if in.Module != nil {
		_ = in.Module.Close(ctx)
	}
}

// ImportError names an import the linker cannot satisfy.
type ImportError struct {
	Module, Name string
	Reason       string
}

func (e *ImportError) Error() string {
	return fmt.Sprintf("unresolved import %s.%s: %s", e.Module, e.Name, e.Reason)
}

// aliases maps imports that grammars built with emscripten's C++ support
// ask for to the runtime export that does the same job.
var aliases = map[string]string{
	"_Znwm":              "malloc", // operator new(size_t)
	"_Znam":              "malloc", // operator new[](size_t)
	"_Znwj":              "malloc", // operator new(unsigned) on 32-bit manglings
	"_Znaj":              "malloc",
	"_ZdlPv":             "free", // operator delete(void*)
	"_ZdaPv":             "free", // operator delete[](void*)
	"__cxa_pure_virtual": "tswasm_abort",
}

// resolveEnvFunc returns the runtime export that satisfies env.name.
func resolveEnvFunc(name string) string {
	if a, ok := aliases[name]; ok {
		return a
	}
	return name
}

// isThrowHelper reports libc++'s std::__throw_length_error and friends.
// Grammars are built without exceptions, so the glue defines them as a trap
// with whatever signature the grammar declares.
func isThrowHelper(name string) bool {
	return (strings.HasPrefix(name, "_ZNKSt3__2") || strings.HasPrefix(name, "_ZNSt3__2") || strings.HasPrefix(name, "_ZSt")) &&
		strings.Contains(name, "__throw_")
}

// Link instantiates the compiled grammar g in target t.
func Link(ctx context.Context, t Target, g *Grammar, compiled wazero.CompiledModule) (*Instance, error) {
	in := &Instance{}
	res, err := in.link(ctx, t, g, compiled)
	if err != nil {
		in.Close(ctx) // the glue and grammar instances made so far
		return nil, err
	}
	return res, nil
}

func (in *Instance) link(ctx context.Context, t Target, g *Grammar, compiled wazero.CompiledModule) (*Instance, error) {

	d := g.Dylink
	// Everything is checked before the first allocation: a crafted grammar
	// must never reach the table's or the memory's growth.
	if err := g.Check(t.Limits); err != nil {
		return nil, err
	}
	in.Footprint = g.Footprint()
	if t.Reserve != nil {
		if err := t.Reserve(ctx, in.Footprint); err != nil {
			return nil, err
		}
	}
	if d.MemSize > 0 {
		base, err := t.AllocData(ctx, d.MemSize, 1<<d.MemAlign)
		if err != nil {
			return nil, fmt.Errorf("reserving %d bytes of grammar data: %w", d.MemSize, err)
		}
		if base == 0 {
			return nil, fmt.Errorf("reserving %d bytes of grammar data: out of memory", d.MemSize)
		}
		in.MemoryBase = base
	}
	// Table alignment is always 0 in practice; honour it by padding.
	pad := uint32(0)
	if d.TableAlign > 0 {
		size, err := t.TableGrow(ctx, 0)
		if err != nil {
			return nil, err
		}
		a := uint32(1) << d.TableAlign
		pad = (a - size%a) % a
	}
	old, err := t.TableGrow(ctx, pad+d.TableSize)
	if err != nil {
		return nil, err
	}
	if old == 0xffffffff {
		return nil, errors.New("function table cannot grow")
	}
	in.TableBase = old + pad

	env, got, err := buildGlue(t, g, in.MemoryBase, in.TableBase)
	if err != nil {
		return nil, err
	}
	rtResolver := experimental.WithImportResolver(ctx, func(name string) api.Module {
		if name == "rt" {
			return t.Instance
		}
		return nil
	})
	envMod, err := instantiate(rtResolver, t.Runtime, env)
	if err != nil {
		return nil, fmt.Errorf("env glue: %w", err)
	}
	in.glue = append(in.glue, envMod)
	var gotMod api.Module
	if got != nil {
		if gotMod, err = instantiate(ctx, t.Runtime, got); err != nil {
			return nil, fmt.Errorf("GOT glue: %w", err)
		}
		in.glue = append(in.glue, gotMod)
	}

	gctx := experimental.WithImportResolver(ctx, func(name string) api.Module {
		switch name {
		case "env":
			return envMod
		case "GOT.mem", "GOT.func":
			return gotMod
		}
		return nil
	})
	mod, err := t.Runtime.InstantiateModule(gctx, compiled, wazero.NewModuleConfig().WithName("").WithStartFunctions())
	if err != nil {
		return nil, fmt.Errorf("instantiating grammar: %w", err)
	}
	in.Module = mod

	if err := fillGOT(ctx, t, g, in, gotMod); err != nil {
		return nil, err
	}
	for _, fn := range []string{"__wasm_apply_data_relocs", "__wasm_call_ctors", "__post_instantiate"} {
		if f := mod.ExportedFunction(fn); f != nil {
			if _, err := f.Call(ctx); err != nil {
				return nil, fmt.Errorf("%s: %w", fn, err)
			}
		}
	}
	res, err := mod.ExportedFunction(g.Entry).Call(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s(): %w", g.Entry, err)
	}
	in.Language = uint32(res[0])
	if in.Language == 0 {
		return nil, fmt.Errorf("%s() returned NULL", g.Entry)
	}
	return in, nil
}

func instantiate(ctx context.Context, r wazero.Runtime, bin []byte) (api.Module, error) {
	c, err := r.CompileModule(ctx, bin)
	if err != nil {
		return nil, err
	}
	defer c.Close(ctx)
	return r.InstantiateModule(ctx, c, wazero.NewModuleConfig().WithName("").WithStartFunctions())
}

// buildGlue generates the module that stands in for "env" (runtime exports
// re-exported under the names the grammar imports, plus its memory and table
// bases) and, if the grammar has GOT imports, the module that holds them.
func buildGlue(t Target, g *Grammar, memBase, tableBase uint32) (env, got []byte, err error) {
	var e, gb wasmbin.Builder
	hasGOT := false
	exported := map[string]bool{}
	var throwers []wasmbin.Import
	for _, im := range g.Module.Imports {
		switch im.Module {
		case "env":
			if exported[im.Name] {
				continue
			}
			exported[im.Name] = true
			if im.Kind == wasmbin.KindFunc && isThrowHelper(im.Name) {
				throwers = append(throwers, im) // defined after every import
				continue
			}
			if err := glueEnvImport(t, &e, im, memBase, tableBase); err != nil {
				return nil, nil, err
			}
		case "GOT.mem", "GOT.func":
			if im.Kind != wasmbin.KindGlobal || im.GlobalType != wasmbin.I32 {
				return nil, nil, &ImportError{im.Module, im.Name, "GOT entries must be i32 globals"}
			}
			if !exported[im.Module+"."+im.Name] {
				exported[im.Module+"."+im.Name] = true
				gb.Export(im.Name, wasmbin.KindGlobal, gb.GlobalI32(true, 0))
				hasGOT = true
			}
		default:
			return nil, nil, &ImportError{im.Module, im.Name, "tswasm links grammars against env, GOT.mem and GOT.func only"}
		}
	}
	for _, im := range throwers {
		e.Export(im.Name, wasmbin.KindFunc, e.Func(im.Func, []byte{0, 0x00, 0x0b})) // unreachable
	}
	env = e.Bytes()
	if hasGOT {
		got = gb.Bytes()
	}
	return env, got, nil
}

func glueEnvImport(t Target, b *wasmbin.Builder, im wasmbin.Import, memBase, tableBase uint32) error {
	switch im.Kind {
	case wasmbin.KindMemory:
		if im.Name != "memory" {
			return &ImportError{im.Module, im.Name, "the only memory is env.memory"}
		}
		b.Export(im.Name, wasmbin.KindMemory, b.ImportMemory("rt", "memory"))
	case wasmbin.KindTable:
		if im.Name != "__indirect_function_table" {
			return &ImportError{im.Module, im.Name, "the only table is env.__indirect_function_table"}
		}
		b.Export(im.Name, wasmbin.KindTable, b.ImportTable("rt", "__indirect_function_table"))
	case wasmbin.KindGlobal:
		switch im.Name {
		case "__memory_base", "__table_base":
			if im.Mutable || im.GlobalType != wasmbin.I32 {
				return &ImportError{im.Module, im.Name, "expected an immutable i32"}
			}
			v := memBase
			if im.Name == "__table_base" {
				v = tableBase
			}
			b.Export(im.Name, wasmbin.KindGlobal, b.GlobalI32(false, int32(v)))
		case "__stack_pointer":
			if !im.Mutable || im.GlobalType != wasmbin.I32 {
				return &ImportError{im.Module, im.Name, "expected a mutable i32"}
			}
			b.Export(im.Name, wasmbin.KindGlobal, b.ImportGlobal("rt", "__stack_pointer", wasmbin.I32, true))
		default:
			return &ImportError{im.Module, im.Name, "unknown global"}
		}
	case wasmbin.KindFunc:
		target := resolveEnvFunc(im.Name)
		f := t.Instance.ExportedFunction(target)
		if f == nil {
			return &ImportError{im.Module, im.Name, "the runtime does not provide this function"}
		}
		def := f.Definition()
		have := wasmbin.FuncType{Params: valTypes(def.ParamTypes()), Results: valTypes(def.ResultTypes())}
		if !have.Equal(im.Func) {
			return &ImportError{im.Module, im.Name, fmt.Sprintf("grammar expects %s, runtime's %s is %s", im.Func, target, have)}
		}
		b.Export(im.Name, wasmbin.KindFunc, b.ImportFunc("rt", target, im.Func))
	default:
		return &ImportError{im.Module, im.Name, "unsupported import kind"}
	}
	return nil
}

func valTypes(v []api.ValueType) []byte {
	out := make([]byte, len(v))
	for i, t := range v {
		out[i] = byte(t)
	}
	return out
}

// fillGOT sets every GOT global: GOT.mem.X to the address of the grammar's
// data symbol X, GOT.func.X to a fresh table slot holding function X.
func fillGOT(ctx context.Context, t Target, g *Grammar, in *Instance, gotMod api.Module) error {
	if gotMod == nil {
		return nil
	}
	var funcs []string
	seen := map[string]bool{}
	for _, im := range g.Module.Imports {
		switch im.Module {
		case "GOT.mem":
			e, ok := g.Module.Export(im.Name)
			if !ok || e.Kind != wasmbin.KindGlobal {
				return &ImportError{im.Module, im.Name, "the grammar does not export this data symbol"}
			}
			off, ok := in.Module.ExportedGlobal(im.Name).(api.Global)
			if !ok {
				return &ImportError{im.Module, im.Name, "the grammar does not export this data symbol"}
			}
			setGlobal(gotMod, im.Name, in.MemoryBase+uint32(off.Get()))
		case "GOT.func":
			if !seen[im.Name] { // a map: a crafted grammar may import 100k names
				seen[im.Name] = true
				funcs = append(funcs, im.Name)
			}
		}
	}
	if len(funcs) == 0 {
		return nil
	}
	base, err := t.TableGrow(ctx, uint32(len(funcs)))
	if err != nil {
		return err
	}
	if base == 0xffffffff {
		return errors.New("function table cannot grow")
	}
	// A module that imports those functions and places them with an active
	// element segment: the only way to write a table from outside wasm code.
	var b wasmbin.Builder
	b.ImportTable("rt", "__indirect_function_table")
	idx := make([]uint32, len(funcs))
	for i, name := range funcs {
		from := "g"
		e, ok := g.Module.Export(name)
		var ft wasmbin.FuncType
		if ok && e.Kind == wasmbin.KindFunc {
			ft, _ = g.Module.FuncTypeOf(e.Index)
		} else if f := t.Instance.ExportedFunction(name); f != nil {
			from = "rt"
			def := f.Definition()
			ft = wasmbin.FuncType{Params: valTypes(def.ParamTypes()), Results: valTypes(def.ResultTypes())}
		} else {
			return &ImportError{"GOT.func", name, "neither the grammar nor the runtime exports this function"}
		}
		idx[i] = b.ImportFunc(from, name, ft)
		setGlobal(gotMod, name, base+uint32(i))
	}
	b.Elem(base, idx)
	fctx := experimental.WithImportResolver(ctx, func(name string) api.Module {
		switch name {
		case "rt":
			return t.Instance
		case "g":
			return in.Module
		}
		return nil
	})
	m, err := instantiate(fctx, t.Runtime, b.Bytes())
	if err != nil {
		return fmt.Errorf("placing GOT.func entries in the table: %w", err)
	}
	in.glue = append(in.glue, m)
	return nil
}

func setGlobal(m api.Module, name string, v uint32) {
	m.ExportedGlobal(name).(api.MutableGlobal).Set(uint64(v))
}
