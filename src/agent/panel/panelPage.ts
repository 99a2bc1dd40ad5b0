import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'

const entry = fileURLToPath(new URL('./main.tsx', import.meta.url))

let page: Promise<string> | undefined

/** The reference panel as one HTML page: the React app bundled by esbuild once per daemon start. */
export const panelPage = (): Promise<string> =>
  (page ??= build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    jsx: 'automatic',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).then(({ outputFiles }) => {
    const script = outputFiles[0].text.replace(/<\/script/gi, '<\\/script')
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Updates and license</title>
</head>
<body>
<div id="root"></div>
<script>${script}</script>
</body>
</html>
`
  }))
