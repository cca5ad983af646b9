#!/usr/bin/env python3
"""Scores `parallax batch --task quantities` on the Recognizers-Text spec cases.

usage: score_quantities.py numbers|units RECOGNIZERS.jsonl PRED.jsonl

Cases are read as they are (ids `source#index`). Spans match when they overlap.
For the units cases only predictions with a unit (money, measures, ages) count.
  span F1         a prediction overlapping a gold entity, and the reverse
  value F1        the same, and the value equal (relative 1e-6); gold entities
                  with no numeric value (number ranges, relative ordinals)
                  count on their span alone
  value+unit F1   (units only) value and unit equal, the gold unit name mapped
                  to our codes by the table below (cents and pence as hundredths of
                  their currency); an unmapped name never matches
"""
import json
import sys

# Gold unit names (Recognizers-Text resolution units) to Parallax's unit codes.
UNITS = {
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD", "euro": "EUR",
    "british pound": "GBP", "pound": "GBP", "pound sterling": "GBP", "japanese yen": "JPY",
    "yen": "JPY", "chinese yuan": "CNY", "yuan": "CNY", "renminbi": "CNY", "russian ruble": "RUB",
    "ruble": "RUB", "indian rupee": "INR", "rupee": "INR", "swiss franc": "CHF", "franc": "CHF",
    "canadian dollar": "CAD", "australian dollar": "AUD", "hong kong dollar": "HKD",
    "new zealand dollar": "NZD", "singapore dollar": "SGD", "south african rand": "ZAR",
    "brazilian real": "BRL", "mexican peso": "MXN", "peso": "MXN", "south korean won": "KRW",
    "turkish lira": "TRY", "polish zloty": "PLN", "swedish krona": "SEK", "norwegian krone": "NOK",
    "danish krone": "DKK", "israeli new shekel": "ILS", "nigerian naira": "NGN", "bitcoin": "BTC",
    "kilometer": "km", "meter": "m", "centimeter": "cm", "millimeter": "mm", "mile": "mi",
    "foot": "ft", "inch": "in", "yard": "yd", "nautical mile": "nmi", "square kilometer": "km2",
    "square meter": "m2", "square mile": "mi2", "hectare": "ha", "acre": "acre", "liter": "l",
    "milliliter": "ml", "gallon": "gal", "barrel": "bbl", "cubic meter": "m3", "cup": "cup",
    "tablespoon": "tbsp", "teaspoon": "tsp", "kilogram": "kg", "gram": "g", "milligram": "mg",
    "ton": "ton", "metric ton": "t", "tonne": "t", "pound (mass)": "lb", "ounce": "oz",
    "kilometer per hour": "km/h", "mile per hour": "mph", "knot": "kn", "c": "°C", "f": "°F",
    "megawatt": "MW", "gigawatt": "GW", "kilowatt": "kW", "kilowatt hour": "kWh",
    "gigabyte": "GB", "megabyte": "MB", "terabyte": "TB", "year": "year",
}


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


# Hundredths that Parallax reports in their currency (`50 cents` is 0.5 USD).
SUBUNITS = {"cent": ("USD", 0.01), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01)}


def gold_value_and_unit(gold):
    name = str(gold.get("unit") or "").lower()
    value = None if gold.get("value") is None else float(gold["value"])
    if name in SUBUNITS:
        code, factor = SUBUNITS[name]
        return (None if value is None else value * factor), code
    return value, UNITS.get(name)


def same_value(gold, pred):
    g = gold_value_and_unit(gold)[0]
    p = pred.get("value")
    return g is None or (p is not None and abs(g - p) <= 1e-6 * max(1.0, abs(g)))


def same_unit(gold, pred):
    unit = gold_value_and_unit(gold)[1]
    return unit is not None and unit == pred.get("unit")


def f1(correct_pred, n_pred, matched_gold, n_gold):
    p = correct_pred / n_pred if n_pred else 0.0
    r = matched_gold / n_gold if n_gold else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def main(kind, gold_path, pred_path):
    gold = {}
    for line in open(gold_path, encoding="utf-8"):
        record = json.loads(line)
        gold[f"{record['source']}#{record['source_index']}"] = record["expected"]
    pred = {}
    for line in open(pred_path, encoding="utf-8"):
        record = json.loads(line)
        # The units cases mark numbers with units only: plain counts, percentages
        # and ordinals are not annotated there, so they are not predictions for it.
        pred[record["id"]] = [q for q in record["quantities"]
                              if kind != "units" or q["kind"] in ("money", "measure", "age")]
    checks = {"span": lambda g, p: True, "value": same_value}
    if kind == "units":
        checks["value+unit"] = lambda g, p: same_value(g, p) and same_unit(g, p)
    n_gold = sum(len(g) for g in gold.values())
    n_pred = sum(len(pred.get(i, [])) for i in gold)
    out = {"cases": len(gold), "gold": n_gold, "pred": n_pred}
    for name, check in checks.items():
        correct = sum(1 for i, gs in gold.items() for p in pred.get(i, []) if any(overlaps(g, p) and check(g, p) for g in gs))
        matched = sum(1 for i, gs in gold.items() for g in gs if any(overlaps(g, p) and check(g, p) for p in pred.get(i, [])))
        out[name] = f1(correct, n_pred, matched, n_gold)
    print(json.dumps(out))


if __name__ == "__main__":
    main(*sys.argv[1:4])
