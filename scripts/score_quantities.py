#!/usr/bin/env python3
"""Scores `parallax batch --task quantities` on the Recognizers-Text spec cases.

usage: score_quantities.py numbers|units RECOGNIZERS.jsonl PRED.jsonl

Cases are read as they are (ids `source#index`). Spans match when they overlap.
  span F1         a prediction overlapping a gold entity, and the reverse
  value F1        the same, and the value equal (relative 1e-6); gold entities
                  with no numeric value (number ranges, relative ordinals)
                  count on their span alone
  value+unit F1   (units only) value and unit equal, the gold unit name mapped
                  to our codes by the table below (cents and pence as hundredths of
                  their currency; `Pound` is GBP in the currency cases and lb in the
                  others); an unmapped name never matches

Each spec file annotates one recognizer's entities only (the currency cases mark
no lengths, the ordinal cases no counts, the number cases no number written with
its unit: `the 180ml liquid` is a negative case there), so a prediction counts only
in the files that annotate its kind (PREDICTED_KINDS below): elsewhere it is neither
right nor wrong. Three figures are printed:
  (top level)     every case, predictions of the kinds the case's file annotates
  in_scope        the same, without the gold entities the issue puts outside
                  quantities (OUT_OF_SCOPE below: relative ordinals, bare unit or
                  percent words with no number, exponent notation, `one over three`,
                  digits inside dates, phone numbers, addresses and codes, durations)
                  and the predictions overlapping them
  all_predictions every prediction of the units kinds in every file, as this scorer
                  counted before the per-file filter
"""
import json
import re
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
    "finnish markka": "FIM", "peseta": "ESP", "netherlands guilder": "NLG", "costa rican colón": "CRC",
    "georgian lari": "GEL", "lao kip": "LAK", "cubic foot": "ft3", "microgram": "µg", "degree": "°",
    "square centimeter": "cm2", "month": "month", "week": "week", "day": "day", "age": "year",
    "gigahertz": "GHz", "megahertz": "MHz",
}


# Names the Recognizers specs give more than one unit: `Ton` is any ton or tonne.
ALTERNATIVES = {"ton": {"ton", "t"}}
# `Pound` outside the currency cases is the pound of mass.
MASS_POUND = "lb"

# What each spec file annotates, as a test on a prediction.
TEMPERATURES = ("°C", "°F", "°")
PREDICTED_KINDS = {
    "Number/English/NumberModel.json": lambda q: q["kind"] not in ("ordinal", "measure"),
    "Number/English/OrdinalModel.json": lambda q: q["kind"] == "ordinal",
    "Number/English/PercentModel.json": lambda q: q["kind"] == "percent",
    "Number/English/NumberRangeModel.json": lambda q: q.get("approx") is not None or q.get("range_end") is not None,
    "NumberWithUnit/English/CurrencyModel.json": lambda q: q["kind"] == "money",
    "NumberWithUnit/English/DimensionModel.json": lambda q: q["kind"] == "measure" and q.get("unit") not in TEMPERATURES[:2],
    "NumberWithUnit/English/AgeModel.json": lambda q: q["kind"] == "age",
    "NumberWithUnit/English/TemperatureModel.json": lambda q: q["kind"] == "measure" and q.get("unit") in TEMPERATURES,
}

TIME_UNIT = re.compile(r"\s*-?\s*(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b(?!\s*-?\s*(old|of age))", re.I)


def out_of_scope(record, gold):
    """Why a gold entity is no quantity in the issue's sense, or None."""
    text, start, end = record["input"], gold["start"], gold["end"]
    if gold.get("type") == "ordinal.relative":
        return "relative ordinal"
    if gold.get("value") is None and gold.get("type") != "numberrange":
        return "unit or percent word with no number"
    if re.search(r"\d\s*\^|\d[eE][+-]?\d|\dx10", gold["text"]):
        return "exponent notation"
    if re.search(r"\bover\b", gold["text"]):
        return "a ratio read as a fraction"
    if gold.get("type") == "number":
        before, after = text[max(0, start - 2):start], text[end:end + 2]
        if re.search(r"(\d[./:-]|[A-Za-z]-|\+)$", before) or re.match(r"[./:-]\d", after):
            return "digits in a date, phone number, address or code"
        if TIME_UNIT.match(text[end:]):
            return "a duration"
    return None


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


# Hundredths that Parallax reports in their currency (`50 cents` is 0.5 USD).
SUBUNITS = {"cent": ("USD", 0.01), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01)}


def gold_value_and_unit(gold):
    name = str(gold.get("unit") or "").lower()
    value = None if gold.get("value") is None else float(gold["value"])
    if name in SUBUNITS:
        code, factor = SUBUNITS[name]
        return (None if value is None else value * factor), {code}
    if name == "pound" and gold.get("kind") not in (None, "currency"):
        return value, {MASS_POUND}
    if name in ALTERNATIVES:
        return value, ALTERNATIVES[name]
    return value, {UNITS[name]} if name in UNITS else set()


def same_value(gold, pred):
    g = gold_value_and_unit(gold)[0]
    p = pred.get("value")
    return g is None or (p is not None and abs(g - p) <= 1e-6 * max(1.0, abs(g)))


def same_unit(gold, pred):
    return pred.get("unit") in gold_value_and_unit(gold)[1]


def f1(correct_pred, n_pred, matched_gold, n_gold):
    p = correct_pred / n_pred if n_pred else 0.0
    r = matched_gold / n_gold if n_gold else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def score(kind, gold, pred):
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
    return out


def main(kind, gold_path, pred_path):
    records = {}
    for line in open(gold_path, encoding="utf-8"):
        record = json.loads(line)
        for g in record["expected"]:
            g.setdefault("kind", None)
        records[f"{record['source']}#{record['source_index']}"] = record
    predicted = {}
    for line in open(pred_path, encoding="utf-8"):
        record = json.loads(line)
        predicted[record["id"]] = record["quantities"]
    gold = {i: r["expected"] for i, r in records.items()}
    # Each file's own kinds.
    pred = {i: [q for q in predicted.get(i, []) if PREDICTED_KINDS[r["source"]](q)] for i, r in records.items()}
    out = score(kind, gold, pred)
    # The quantities only.
    scoped_gold, scoped_pred, left_out = {}, {}, {}
    for i, r in records.items():
        outside = [g for g in r["expected"] if out_of_scope(r, g)]
        for g in outside:
            left_out[out_of_scope(r, g)] = left_out.get(out_of_scope(r, g), 0) + 1
        scoped_gold[i] = [g for g in r["expected"] if g not in outside]
        scoped_pred[i] = [p for p in pred[i] if not any(overlaps(g, p) for g in outside)]
    out["in_scope"] = score(kind, scoped_gold, scoped_pred)
    out["in_scope"]["left_out"] = left_out
    # As before the per-file filter: the units kinds everywhere (numbers: everything).
    unfiltered = {i: [q for q in predicted.get(i, []) if kind != "units" or q["kind"] in ("money", "measure", "age")]
                  for i in records}
    out["all_predictions"] = score(kind, gold, unfiltered)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:4])
