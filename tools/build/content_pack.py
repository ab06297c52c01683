#!/usr/bin/python3
"""Packs content/ into one file the web app fetches next to the wasm, instead of carrying it inside.

usage: content_pack.py REPO_DIR OUT_DIR
Writes OUT_DIR/content.<hash>.txt (content-hashed: the server lets browsers keep it for a year,
and a municipality's new places are a new file, not a new app) and OUT_DIR/content.name holding
that name. The format is what app/platform/bundled_data.cpp unpacks:
    stadsmijn-content 1\\n
    then per file: <path> <size>\\n<size bytes>\\n
JSON is packed without its layout (the same values, fewer bytes); a file that is not valid JSON
is packed as it is, so the app's loader reports the problem where it is.
"""
import glob
import hashlib
import json
import os
import sys


def main():
    repo, out_dir = sys.argv[1:3]
    os.makedirs(out_dir, exist_ok=True)
    parts = [b'stadsmijn-content 1\n']
    for path in sorted(glob.glob(os.path.join(repo, 'content', '**', '*.json'), recursive=True)):
        name = os.path.relpath(path, repo).replace(os.sep, '/')
        with open(path, 'rb') as f:
            data = f.read()
        try:
            data = json.dumps(json.loads(data.decode('utf-8')), ensure_ascii=False, separators=(',', ':')).encode('utf-8')
        except ValueError:
            pass  # keep the broken text: the loader says what is wrong where
        parts += [f'{name} {len(data)}\n'.encode('utf-8'), data, b'\n']
    pack = b''.join(parts)
    name = f'content.{hashlib.sha256(pack).hexdigest()[:10]}.txt'
    for stale in glob.glob(os.path.join(out_dir, 'content.*.txt')):
        if os.path.basename(stale) != name:
            os.remove(stale)
    target = os.path.join(out_dir, name)
    if not os.path.exists(target):
        with open(target, 'wb') as f:
            f.write(pack)
    name_file = os.path.join(out_dir, 'content.name')
    if not os.path.exists(name_file) or open(name_file, encoding='utf-8').read() != name:
        with open(name_file, 'w', encoding='utf-8') as f:
            f.write(name)


if __name__ == '__main__':
    main()
