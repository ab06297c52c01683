#!/usr/bin/python3
"""Assembles the web app for serving: content-hashed names, index.html pointing at them, and
precompressed .br and .gz twins of every text and wasm file.

usage: package_web.py BUILD_DIR WEB_DIR DIST_DIR [CATALOG_DIR]
  BUILD_DIR holds the emcc output (stadsmijn.js, stadsmijn.wasm); WEB_DIR is the repo's web/;
  CATALOG_DIR the catalogs fetched on demand (i18n-<language>.<hash>.json, by lazy_catalogs.py).
A hashed name changes whenever the bytes do, so the server can tell browsers to keep it for a
year, while index.html (never hashed) is revalidated on every visit.
"""
import gzip
import hashlib
import os
import shutil
import sys

import brotli

HASHED = ['app.js', 'mirror.js', 'embed-frame.js', 'style.css', 'icon.svg']
# Named in campaign sites' pages, so never renamed (the server caches it for an hour).
STABLE = ['embed.js']
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
    catalog_dir = sys.argv[4] if len(sys.argv) > 4 else None
    sources = {name: os.path.join(web_dir, name) for name in HASHED}
    sources.update({name: os.path.join(build_dir, name) for name in ENGINE})
    if os.path.isdir(dist):
        shutil.rmtree(dist)
    os.makedirs(dist)

    names = {}
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
    }
    for old, new in replacements.items():
        if old not in html:
            sys.exit(f'package_web.py: web/index.html no longer contains {old}')
        html = html.replace(old, new)
    write(os.path.join(dist, 'index.html'), html.encode('utf-8'))
    for name in STABLE:
        with open(os.path.join(web_dir, name), 'rb') as f:
            write(os.path.join(dist, name), f.read())
    if catalog_dir:
        for name in sorted(os.listdir(catalog_dir)):
            if name.startswith('i18n-') and name.endswith('.json'):  # already content-hashed
                with open(os.path.join(catalog_dir, name), 'rb') as f:
                    write(os.path.join(dist, name), f.read())


if __name__ == '__main__':
    main()
