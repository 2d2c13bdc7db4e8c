// `GET /docs`: Swagger UI over /openapi.json, served from the installed
// swagger-ui-dist package, so it works on a LAN with no internet (no CDN,
// no validator badge calling out). Only the files listed here are served.
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

const DIST = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

// Relative links: the page is /docs, so `docs/x` is /docs/x, and the page
// still works behind a proxy that mounts the API under a prefix.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>hallway HTTP API</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/favicon-32x32.png">
</head>
<body>
<noscript><p>This page needs JavaScript. The API is described in <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p></noscript>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/init.js"></script>
</body>
</html>
`

const INIT = `window.ui = SwaggerUIBundle({
  url: new URL('openapi.json', document.baseURI).href,
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
  tryItOutEnabled: false
})
`

interface Asset { type: string, file?: string, text?: string }

const ASSETS: Record<string, Asset> = {
  '/docs': { type: 'text/html; charset=utf-8', text: PAGE },
  '/docs/init.js': { type: 'text/javascript; charset=utf-8', text: INIT },
  '/docs/swagger-ui.css': { type: 'text/css; charset=utf-8', file: 'swagger-ui.css' },
  '/docs/swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', file: 'swagger-ui-bundle.js' },
  '/docs/favicon-32x32.png': { type: 'image/png', file: 'favicon-32x32.png' }
}

export const DOCS_PATHS = Object.keys(ASSETS)

// Scripts only from here; Swagger UI sets inline styles and data: images.
export const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"

export class DocsPage {
  private readonly cache = new Map<string, Buffer>()

  async get (urlPath: string): Promise<{ content: Buffer, type: string }> {
    const asset = ASSETS[urlPath]
    if (!asset) throw new RangeError(`no docs asset ${urlPath}`)
    let content = this.cache.get(urlPath)
    if (!content) {
      content = asset.text !== undefined ? Buffer.from(asset.text) : await fs.readFile(path.join(DIST, asset.file!))
      this.cache.set(urlPath, content)
    }
    return { content, type: asset.type }
  }
}
