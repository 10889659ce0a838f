// WriteJSONL: sharded JSON Lines output through Beam's filesystems.
package tsbeam

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"reflect"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// WriteJSONL writes col (of any JSON-encodable element type) as JSON Lines
// to files named prefix-SSSSS-of-NNNNN.jsonl, on any Beam filesystem
// (prefix may be gs://bucket/out/results). Elements go to a shard by a hash
// of their encoding; lines within a shard are sorted, so the output does not
// depend on the runner's ordering. A shard that receives no element is not
// written. shards < 1 means 1.
func WriteJSONL(s beam.Scope, prefix string, shards int, col beam.PCollection) {
	s = s.Scope("tsbeam.WriteJSONL")
	filesystem.ValidateScheme(prefix)
	shards = max(shards, 1)
	lines := beam.ParDo(s, &encodeFn{Shards: shards}, col)
	groups := beam.GroupByKey(s, lines)
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Shards: shards}, groups)
}

// encodeFn encodes an element as one JSON line keyed by its shard.
type encodeFn struct {
	Shards int
}

// ProcessElement encodes one element.
func (f *encodeFn) ProcessElement(v beam.X) (int, string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return 0, "", fmt.Errorf("tsbeam: encoding %v: %w", reflect.TypeOf(v), err)
	}
	h := fnv.New32a()
	h.Write(b)
	return int(h.Sum32() % uint32(f.Shards)), string(b), nil
}

// writeShardFn writes one shard.
type writeShardFn struct {
	Prefix string
	Shards int
}

// ProcessElement writes the lines of shard.
func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	var all []string
	var l string
	for lines(&l) {
		all = append(all, l)
	}
	slices.Sort(all)
	name := ShardName(f.Prefix, shard, f.Shards)
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fsys.Close()
	w, err := fsys.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	for _, l := range all {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// ShardName is the file name of shard i of n for prefix.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}
