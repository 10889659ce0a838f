// The langs command: the bundled languages.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

func init() { register(newLangsCmd) }

func newLangsCmd(e *env) *cobra.Command {
	var format enumValue
	cmd := &cobra.Command{
		Use:   "langs [--format text|json|jsonl]",
		Short: "list the bundled languages: version, ABI, file extensions, queries",
		Long: `Lists the languages bundled into tswasm: grammar version, tree-sitter ABI,
the file extensions and names that select it, and the queries it ships
(highlights, injections, locals, tags). --format json prints one indented
JSON array with every field, jsonl one object per language and line.`,
		Args: cobra.NoArgs,
	}
	cmd.Flags().Var(newEnum(&format, "text", "text", "json", "jsonl"), "format", "output format: text, json or jsonl")
	_ = cmd.RegisterFlagCompletionFunc("format", format.complete)
	cmd.Flags().Bool("json", false, "same as --format json")
	_ = cmd.Flags().MarkHidden("json")
	cmd.RunE = runWith(e, func(ctx context.Context, cmd *cobra.Command, _ []string) int {
		if j, _ := cmd.Flags().GetBool("json"); j {
			format.value = "json"
		}
		return runLangs(e, format.value)
	})
	return cmd
}

// langInfo is one language in `langs --json`.
type langInfo struct {
	Name       string   `json:"name"`
	Grammar    string   `json:"grammar"`
	Aliases    []string `json:"aliases"`
	Extensions []string `json:"extensions"`
	Filenames  []string `json:"filenames"`
	Shebangs   []string `json:"shebangs"`
	Version    string   `json:"version"`
	Package    string   `json:"package"`
	License    string   `json:"license"`
	Origin     string   `json:"origin"`
	SHA256     string   `json:"sha256"`
	ABI        uint32   `json:"abi"`
	WasmBytes  int      `json:"wasm_bytes"`
	Queries    []string `json:"queries"`
}

func runLangs(e *env, format string) int {
	specs := slices.Clone(allLangs())
	slices.SortFunc(specs, func(a, b *spec) int { return strings.Compare(a.Name, b.Name) })
	infos := make([]langInfo, 0, len(specs))
	for _, s := range specs {
		var qs []string
		for k, v := range s.Queries {
			if strings.TrimSpace(v) != "" {
				qs = append(qs, k)
			}
		}
		slices.Sort(qs)
		infos = append(infos, langInfo{
			Name: s.Name, Grammar: s.Grammar, Aliases: nonNil(s.Aliases), Extensions: nonNil(s.Extensions),
			Filenames: nonNil(s.Filenames), Shebangs: nonNil(s.Shebangs), Version: s.Version, Package: s.Package,
			License: s.License, Origin: s.Origin, SHA256: s.SHA256, ABI: s.ABI, WasmBytes: len(s.Wasm),
			Queries: nonNil(qs),
		})
	}
	if format == "json" || format == "jsonl" {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		var err error
		if format == "json" {
			enc.SetIndent("", "  ")
			err = enc.Encode(infos)
		} else {
			for _, in := range infos {
				if err = enc.Encode(in); err != nil {
					break
				}
			}
		}
		if err != nil {
			e.errorf("%v", err)
			return exitFailure
		}
		return exitOK
	}
	rows := [][]string{{"NAME", "VERSION", "ABI", "EXTENSIONS", "QUERIES"}}
	for _, in := range infos {
		exts := slices.Concat(in.Extensions, in.Filenames)
		rows = append(rows, []string{
			in.Name, in.Version, fmt.Sprint(in.ABI), orDash(joinLimited(exts, 40)), orDash(strings.Join(in.Queries, " ")),
		})
	}
	printTable(e, rows)
	return exitOK
}

// printTable prints rows as left-aligned columns separated by two spaces.
func printTable(e *env, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[i]-len([]rune(c))+2))
		}
		fmt.Fprintln(e.stdout, b.String())
	}
}

// joinLimited joins names with spaces, stopping before width characters
// and saying how many were left out (langs --json lists them all).
func joinLimited(names []string, width int) string {
	var b strings.Builder
	for i, n := range names {
		if b.Len() > 0 && b.Len()+1+len(n) > width {
			fmt.Fprintf(&b, " +%d", len(names)-i)
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(n)
	}
	return b.String()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
