#!/usr/bin/python3
"""Merges the catalogs of languages the web app loads only when chosen into one file each.

usage: lazy_catalogs.py I18N_DIR OUT_DIR LANGUAGE...
For each LANGUAGE, i18n/LANGUAGE/*.json become OUT_DIR/i18n-LANGUAGE.<hash>.json (compact JSON,
content-hashed, so the server lets browsers keep it for a year), and OUT_DIR/LANGUAGE.name holds
that file name: the app bundles the name, not the texts. Dutch and English ride in the wasm;
a citizen who reads Dutch never downloads the Turkish and Polish texts.
"""
import glob
import hashlib
import json
import os
import sys


def main():
    i18n_dir, out_dir = sys.argv[1:3]
    os.makedirs(out_dir, exist_ok=True)
    for language in sys.argv[3:]:
        merged = {}
        parts = sorted(glob.glob(os.path.join(i18n_dir, language, '*.json')))
        if not parts:
            sys.exit(f'lazy_catalogs.py: no catalogs in {i18n_dir}/{language}/')
        for part in parts:
            with open(part, encoding='utf-8') as f:
                entries = json.load(f)
            for key, value in entries.items():
                if key in merged:
                    sys.exit(f'lazy_catalogs.py: {part}: the key {key} is also in another {language} file')
                merged[key] = value
        data = json.dumps(merged, ensure_ascii=False, separators=(',', ':'), sort_keys=True).encode('utf-8')
        name = f'i18n-{language}.{hashlib.sha256(data).hexdigest()[:10]}.json'
        for stale in glob.glob(os.path.join(out_dir, f'i18n-{language}.*.json')):
            if os.path.basename(stale) != name:
                os.remove(stale)
        with open(os.path.join(out_dir, name), 'wb') as f:
            f.write(data)
        with open(os.path.join(out_dir, f'{language}.name'), 'w', encoding='utf-8') as f:
            f.write(name)


if __name__ == '__main__':
    main()
