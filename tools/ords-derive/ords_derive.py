#!/usr/bin/python3
"""Derives content/repair_odds.json from Open Repair Data (Open Repair Alliance, CC BY-SA 4.0).

    /usr/bin/python3 tools/ords-derive/ords_derive.py [--ords DIR] [--out FILE] [--check]

Reads the ORDS partner files and the fault-type "quest" files in DIR (default: ../shared/data/ords
beside the repository) and writes repair outcome counts per ORDS product category, per category and
age band, and per category and fault type. Counts, not percentages, are stored: the app divides,
so the sample size always travels with the share. Standard library only; the output depends only
on the input files, so running it again regenerates the committed file byte for byte. --check compares instead of
writing (exit 1 on a difference, 77 = skipped when the ORDS folder is absent, as in a clone
without ../shared).
"""
import argparse
import csv
import json
import os
import sys

# Rows below this sample size are left out of the age and fault tables (the category table keeps
# every category and its n, so the app can say how little data there is).
MIN_N = 20

PARTNER_FILES = [
    "OpenRepairData_v0.3_FixitClinic_202507.csv",
    "OpenRepairData_v0.3_RepairCafeToronto_202507.csv",
    "OpenRepairData_v0.3_RepairCafeWales_202507.csv",
    "OpenRepairData_v0.3_RepairConnects_202507.csv",
    "OpenRepairData_v0.3_RestartProject_202204.csv",
    "OpenRepairData_v0.3_anstiftung_202309.csv",
    "OpenRepairData_v0.2.1_RepairCafeInternational_202009.csv",
]
# Repair Café Denmark records only Fixed or End of life, never Repairable; mixing it in would
# understate the Repairable share, so its file is left out (and the file says so).
EXCLUDED_FILES = ["OpenRepairData_v0.3_RepairCafeDenmark_202507.csv"]

QUEST_FILES = [
    ("mobifix.csv", "MobiFix"),
    ("compcat_laptops.csv", "CompCat"),
    ("compcat_desktops.csv", "CompCat"),
    ("tabicat.csv", "TabiCat"),
    ("printcat.csv", "PrintCat"),
    ("dustup.csv", "DustUp"),
]

AGE_BANDS = [("0-2", 0, 2), ("2-5", 2, 5), ("5-10", 5, 10), ("10-20", 10, 20), ("20+", 20, 101)]

OUTCOMES = {"Fixed": "fixed", "Repairable": "repairable", "End of life": "end_of_life"}

# Dutch names of the quests' fault types (our translation of the English labels).
FAULT_NL = {
    "Access issue": "Geen toegang (wachtwoord, account)",
    "Accessories/attachments": "Accessoires en opzetstukken",
    "Blockage": "Verstopping",
    "Boot": "Start niet op",
    "Brush": "Borstel",
    "Button/switch": "Knop of schakelaar",
    "Cable/cord": "Snoer of kabel",
    "Camera": "Camera",
    "Case/chassis": "Behuizing",
    "Charger": "Oplader",
    "Configuration": "Instellingen",
    "Control buttons": "Bedieningsknoppen",
    "Display panel": "Display",
    "Display/LED": "Display of lampje",
    "Dustbag/canister": "Stofzak of stofreservoir",
    "External damage": "Schade aan de buitenkant",
    "Filter": "Filter",
    "Headphone jack": "Koptelefoonaansluiting",
    "Help/configuration": "Hulp bij instellen",
    "Hose/tube/pipe": "Slang of buis",
    "Imaging unit/drum": "Drum",
    "Ink cartridge": "Inktcartridge",
    "Integrated keyboard": "Toetsenbord",
    "Integrated media component": "Ingebouwde media (webcam, geluid)",
    "Integrated optical drive": "Cd/dvd-station",
    "Integrated pointing device": "Touchpad",
    "Integrated screen": "Scherm",
    "Internal damage": "Schade binnenin",
    "Internal storage": "Opslag (harde schijf, SSD)",
    "Liquid damage": "Vochtschade",
    "Memory card slot": "Geheugenkaartsleuf",
    "Microphone": "Microfoon",
    "Motor": "Motor",
    "Multiple": "Meerdere problemen",
    "On/Off button": "Aan/uit-knop",
    "Operating system": "Besturingssysteem",
    "Other": "Iets anders",
    "Other buttons": "Andere knoppen",
    "Overheating": "Oververhitting",
    "Paper feed": "Papierinvoer",
    "Paper output": "Papieruitvoer",
    "Performance": "Traag",
    "Ports/slots/connectors": "Poorten en aansluitingen",
    "Power supply/connectors": "Voeding en aansluitingen",
    "Power/battery": "Stroom of batterij",
    "Print quality": "Afdrukkwaliteit",
    "Printhead cleaning": "Printkop reinigen",
    "Printhead failure": "Printkop defect",
    "Scanner": "Scanner",
    "Screen": "Scherm",
    "Sim card slot": "Simkaartsleuf",
    "Software issue": "Softwareprobleem",
    "Software issue/update": "Software of update",
    "Software update": "Software-update",
    "Speaker/amplifier": "Luidspreker",
    "Storage problem": "Opslag vol of defect",
    "Stuck booting": "Blijft hangen bij opstarten",
    "System board": "Moederbord",
    "Toner": "Toner",
    "USB port/cable": "USB-poort of kabel",
    "USB/charging port": "Oplaadpoort",
    "Vendor lock-in": "Geblokkeerd door fabrikant",
    "Virus/malware": "Virus of malware",
    "Volume buttons": "Volumeknoppen",
    "Waste toner/ink box": "Opvangbak toner of inkt",
    "Wheels/rollers": "Wieltjes of rollers",
    "WiFi": "Wifi",
}
SKIPPED_FAULTS = {"Unknown", "Poor data", ""}

ATTRIBUTION = ("Open Repair Alliance, Open Repair Data (openrepair.org), licensed CC BY-SA 4.0; "
               "derived by Stadsmijn (tools/ords-derive): counts per category, age band and fault type. "
               "This derived table is shared under CC BY-SA 4.0 too.")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def product_age(row):
    """Age in years: product_age (v0.3), else the event year minus year_of_manufacture."""
    age = number(row.get("product_age"))
    if age is None:
        made = number(row.get("year_of_manufacture"))
        event = number((row.get("event_date") or "")[:4])
        if made is not None and event is not None:
            age = event - made
    if age is None or age < 0 or age > 100:
        return None
    return age


def age_band(age):
    for name, low, high in AGE_BANDS:
        if low <= age < high:
            return name
    return None


def canonical_category(name):
    # One quest row spells "laptop" in lower case.
    return "Laptop" if name == "laptop" else name


def empty():
    return {"fixed": 0, "repairable": 0, "end_of_life": 0}


def add(counts, key, outcome):
    counts.setdefault(key, empty())[outcome] += 1


def row_json(fields, counts):
    row = dict(fields)
    row["n"] = counts["fixed"] + counts["repairable"] + counts["end_of_life"]
    row.update(counts)
    return row


def derive(ords_dir):
    categories = [r["product_category"] for r in read_csv(os.path.join(ords_dir, "OpenRepairData_v0.3_Product_Categories.csv"))]
    order = {name: i for i, name in enumerate(categories)}

    by_category, by_age = {}, {}
    records = 0
    for name in PARTNER_FILES:
        for row in read_csv(os.path.join(ords_dir, name)):
            outcome = OUTCOMES.get(row.get("repair_status", ""))
            category = row.get("product_category", "")
            if outcome is None or category not in order:
                continue
            records += 1
            add(by_category, category, outcome)
            age = product_age(row)
            if age is not None:
                add(by_age, (category, age_band(age)), outcome)

    by_fault = {}
    for name, quest in QUEST_FILES:
        for row in read_csv(os.path.join(ords_dir, name)):
            outcome = OUTCOMES.get(row.get("repair_status", ""))
            category = canonical_category(row.get("product_category", ""))
            fault = row.get("fault_type", "")
            if outcome is None or category not in order or fault in SKIPPED_FAULTS:
                continue
            if row.get("data_provider", "") == "Repair Café Denmark":
                continue
            add(by_fault, (category, fault, quest), outcome)

    category_rows = [row_json({"category": c}, by_category[c]) for c in sorted(by_category, key=order.get)]
    band_order = {name: i for i, (name, _, _) in enumerate(AGE_BANDS)}
    age_rows = [row_json({"category": c, "age": a}, by_age[(c, a)])
                for (c, a) in sorted(by_age, key=lambda k: (order[k[0]], band_order[k[1]]))]
    age_rows = [r for r in age_rows if r["n"] >= MIN_N]
    fault_rows = []
    for (c, f, q) in by_fault:
        if f not in FAULT_NL:
            sys.exit(f"ords-derive: no Dutch name for fault type '{f}': add it to FAULT_NL")
        fault_rows.append(row_json({"category": c, "fault": f, "name": {"nl": FAULT_NL[f], "en": f}, "quest": q},
                                   by_fault[(c, f, q)]))
    fault_rows = [r for r in fault_rows if r["n"] >= MIN_N]
    fault_rows.sort(key=lambda r: (order[r["category"]], -r["n"], r["fault"]))

    return {
        "attribution": ATTRIBUTION,
        "licence": "CC BY-SA 4.0",
        "sources": ["open-repair-data-2025", "open-repair-data-quests-2025"],
        "method": {
            "nl": ("Uitkomsten van reparaties door vrijwilligers op repair cafés en reparatie-evenementen "
                   "(vooral in Europa en Noord-Amerika, 2010-2025). Vast = gerepareerd, repareerbaar = met een "
                   "volgende stap, einde levensduur = niet te repareren. Records met onbekende uitkomst en het "
                   "bestand van Repair Café Denmark (dat 'repareerbaar' niet vastlegt) tellen niet mee. Per "
                   "leeftijd en per soort probleem alleen waar minstens " + str(MIN_N) + " reparaties zijn."),
            "en": ("Outcomes of repairs by volunteers at repair cafés and repair events (mostly Europe and North "
                   "America, 2010-2025). Fixed = repaired, repairable = a next step was found, end of life = not "
                   "repairable. Records with unknown outcome and the Repair Café Denmark file (which does not "
                   "record 'repairable') are left out. By age and by fault type only where there are at least " +
                   str(MIN_N) + " repairs."),
        },
        "min_n": MIN_N,
        "records": records,
        "categories": category_rows,
        "ages": age_rows,
        "faults": fault_rows,
    }


def render(document):
    """JSON with one row per line: small, stable and readable in a diff."""
    lines = ["{"]
    keys = list(document)
    for i, key in enumerate(keys):
        value = document[key]
        comma = "," if i + 1 < len(keys) else ""
        if isinstance(value, list):
            lines.append(f"  {json.dumps(key)}: [")
            for j, row in enumerate(value):
                row_comma = "," if j + 1 < len(value) else ""
                lines.append("    " + json.dumps(row, ensure_ascii=False) + row_comma)
            lines.append("  ]" + comma)
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ords", default=os.path.join(root, "..", "shared", "data", "ords"))
    parser.add_argument("--out", default=os.path.join(root, "content", "repair_odds.json"))
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args()
    if not os.path.isdir(args.ords):
        print(f"ords-derive: no Open Repair Data folder at {args.ords}", file=sys.stderr)
        sys.exit(77 if args.check else 1)
    text = render(derive(args.ords))
    if args.check:
        with open(args.out, encoding="utf-8", newline="") as f:
            committed = f.read()
        if committed != text:
            print(f"ords-derive: {args.out} differs from what the data gives; run the tool and commit the result",
                  file=sys.stderr)
            sys.exit(1)
        print(f"ords-derive: {args.out} matches the data byte for byte")
        return
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
