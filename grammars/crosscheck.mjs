// Cross-checks the bundled grammars on an independent runtime: tree-sitter's
// own web binding (web-tree-sitter, emscripten on V8). For every grammar in
// grammars/manifest.json it loads the bundled wasm, parses the language's
// snippet, and compares the tree with the golden testdata/snippet.sexp that
// tswasm's tests check; it also compiles every query and counts the
// highlight captures. It compares those captures with the golden
// testdata/highlights.golden ("@name start-end" byte offsets, one a line,
// in capture order), which tswasm's tests check too; with --update it
// writes that file instead, so its content comes from this independent
// runtime. Run through grammars/crosscheck.sh [--update].
import { Parser, Language, Query } from 'web-tree-sitter';
import fs from 'node:fs';
import path from 'node:path';

const root = process.argv[2];
const update = process.argv.includes('--update');
const m = JSON.parse(fs.readFileSync(path.join(root, 'grammars/manifest.json'), 'utf8'));
await Parser.init();
let bad = 0;
for (const g of m.grammars) {
  const dir = path.join(root, 'languages', g.goPackage);
  const lang = await Language.load(path.join(dir, g.wasm.path));
  const parser = new Parser();
  parser.setLanguage(lang);
  const src = fs.readFileSync(path.join(dir, g.snippet), 'utf8');
  const tree = parser.parse(src);
  const got = tree.rootNode.toString();
  const golden = fs.readFileSync(path.join(dir, 'testdata/snippet.sexp'), 'utf8').trimEnd().replace(/\n */g, ' ');
  const problems = [];
  if (got !== golden) problems.push('tree differs from snippet.sexp');
  if (lang.abiVersion !== g.abi) problems.push(`ABI ${lang.abiVersion}, manifest says ${g.abi}`);
  let captures = 0;
  for (const [kind, parts] of Object.entries(g.queries ?? {})) {
    const text = parts.map((p) => fs.readFileSync(path.join(dir, p.path), 'utf8')).join('\n');
    try {
      const q = new Query(lang, text);
      if (kind === 'highlights') {
        const caps = q.captures(tree.rootNode);
        captures = caps.length;
        const lines = caps.map((c) => `@${c.name} ${c.node.startIndex}-${c.node.endIndex}\n`).join('');
        const goldenPath = path.join(dir, 'testdata/highlights.golden');
        if (update) fs.writeFileSync(goldenPath, lines);
        else if (!fs.existsSync(goldenPath) || fs.readFileSync(goldenPath, 'utf8') !== lines) problems.push('highlights differ from highlights.golden');
      }
      q.delete();
    } catch (e) {
      problems.push(`${kind} query: ${e.message}`);
    }
  }
  if (problems.length) bad++;
  console.log(`${g.name}\tABI ${lang.abiVersion}\thighlight captures ${captures}\t${problems.length ? 'FAIL: ' + problems.join('; ') : 'ok'}`);
  tree.delete();
  parser.delete();
}
console.log(`${m.grammars.length - bad} passed, ${bad} failed`);
process.exit(bad ? 1 : 0);
