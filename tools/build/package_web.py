#!/usr/bin/python3
"""Assembles the web app for serving: content-hashed names, index.html pointing at them, and
precompressed .br and .gz twins of every text and wasm file.

usage: package_web.py BUILD_DIR WEB_DIR DIST_DIR [FETCHED_DIR]
  BUILD_DIR holds the emcc output (stadsmijn.js, stadsmijn.wasm); WEB_DIR is the repo's web/;
  FETCHED_DIR the files fetched next to the app: the catalogs fetched on demand
  (i18n-<language>.<hash>.json, by lazy_catalogs.py), the content pack (content.<hash>.txt, by
  content_pack.py) and the manifest's PNG icons (icon-<size>.png, by icons.py).
A hashed name changes whenever the bytes do, so the server can tell browsers to keep it for a
year, while index.html, sw.js and manifest.webmanifest (never hashed) are revalidated on every
visit. sw.js gets the list of files to precache and a version that changes with it.
"""
import gzip
import hashlib
import json
import os
import shutil
import sys

import brotli

HASHED = ['app.js', 'mirror.js', 'embed-frame.js', 'style.css', 'icon.svg']
# Named in campaign sites' pages, so never renamed (the server caches it for an hour).
STABLE = ['embed.js']
# What a reload without network needs: the app shell (index.html is added by sw.js itself) and content.
PRECACHED = ['app.js', 'mirror.js', 'embed-frame.js', 'style.css', 'icon.svg', 'stadsmijn.js', 'stadsmijn.wasm']
ENGINE = ['stadsmijn.js', 'stadsmijn.wasm']
COMPRESSIBLE = ('.html', '.js', '.css', '.svg', '.wasm', '.json', '.webmanifest', '.txt')


def hashed_name(name, data):
    stem, ext = os.path.splitext(name)
    return f'{stem}.{hashlib.sha256(data).hexdigest()[:10]}{ext}'


def write(path, data):
    with open(path, 'wb') as f:
        f.write(data)
    if path.endswith(COMPRESSIBLE):
        with open(path + '.gz', 'wb') as f:
            f.write(gzip.compress(data, compresslevel=9, mtime=0))
        with open(path + '.br', 'wb') as f:
            f.write(brotli.compress(data, quality=11))


def main():
    build_dir, web_dir, dist = sys.argv[1:4]
    fetched_dir = sys.argv[4] if len(sys.argv) > 4 else None
    sources = {name: os.path.join(web_dir, name) for name in HASHED}
    sources.update({name: os.path.join(build_dir, name) for name in ENGINE})
    if os.path.isdir(dist):
        shutil.rmtree(dist)
    os.makedirs(dist)

    names = {}
    content_name = ''
    if fetched_dir:
        for name in sorted(os.listdir(fetched_dir)):
            path = os.path.join(fetched_dir, name)
            if name.startswith(('i18n-', 'content.')) and name.endswith(('.json', '.txt')):  # already content-hashed
                with open(path, 'rb') as f:
                    write(os.path.join(dist, name), f.read())
                if name.startswith('content.'):
                    content_name = name
            elif name.startswith('icon-') and name.endswith('.png'):
                sources[name] = path
    for name, path in sources.items():
        with open(path, 'rb') as f:
            data = f.read()
        names[name] = hashed_name(name, data)
        write(os.path.join(dist, names[name]), data)

    with open(os.path.join(web_dir, 'index.html'), encoding='utf-8') as f:
        html = f.read()
    wasm_size = os.path.getsize(sources['stadsmijn.wasm'])
    replacements = {
        'href="style.css"': f'href="{names["style.css"]}"',
        'href="icon.svg"': f'href="{names["icon.svg"]}"',
        'src="app.js"': f'src="{names["app.js"]}"',
        'src="mirror.js"': f'src="{names["mirror.js"]}"',
        'src="embed-frame.js"': f'src="{names["embed-frame.js"]}"',
        'data-engine="stadsmijn.js"': f'data-engine="{names["stadsmijn.js"]}"',
        'data-wasm="stadsmijn.wasm"': f'data-wasm="{names["stadsmijn.wasm"]}"',
        'data-wasm-size="0"': f'data-wasm-size="{wasm_size}"',
        'data-content=""': f'data-content="{content_name}"',
    }
    for old, new in replacements.items():
        if old not in html:
            sys.exit(f'package_web.py: web/index.html no longer contains {old}')
        html = html.replace(old, new)
    write(os.path.join(dist, 'index.html'), html.encode('utf-8'))
    for name in STABLE:
        with open(os.path.join(web_dir, name), 'rb') as f:
            write(os.path.join(dist, name), f.read())
    precache = [names[name] for name in PRECACHED] + ([content_name] if content_name else [])

    with open(os.path.join(web_dir, 'manifest.webmanifest'), encoding='utf-8') as f:
        manifest = json.load(f)
    for icon in manifest['icons']:
        if icon['src'] not in names:
            sys.exit(f'package_web.py: the manifest names {icon["src"]}, which the build does not make')
        icon['src'] = names[icon['src']]
    write(os.path.join(dist, 'manifest.webmanifest'),
          json.dumps(manifest, ensure_ascii=False, indent=1).encode('utf-8'))

    with open(os.path.join(web_dir, 'sw.js'), encoding='utf-8') as f:
        worker = f.read()
    version = hashlib.sha256(('\n'.join(precache) + html).encode('utf-8')).hexdigest()[:10]
    for old, new in {"const VERSION = 'dev';": f"const VERSION = '{version}';",
                     'const PRECACHE = [];': f'const PRECACHE = {json.dumps(precache)};'}.items():
        if old not in worker:
            sys.exit(f'package_web.py: web/sw.js no longer contains {old}')
        worker = worker.replace(old, new)
    write(os.path.join(dist, 'sw.js'), worker.encode('utf-8'))


if __name__ == '__main__':
    main()
