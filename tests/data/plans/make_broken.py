#!/usr/bin/env python3
"""Writes tests/data/plans/valid/minimal.json and the broken plans in broken/.

Each broken plan is the minimal plan with one mistake (a few have several, to show that the
loader reports them all in one pass). The expected JSON pointer and message of each is in
tests/layout/test_broken_plans.cpp. Run from anywhere: python3 tests/data/plans/make_broken.py
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


BASE = {
    "format_version": 1,
    "site": {
        "name": "测试村便民服务点",
        "level": "unit",
        "served_population": 1200,
        "enterprises": 10,
        "opening_hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "open": "08:30", "close": "17:00"}],
        "sprinklers": False,
    },
    "outline": rect(0, 0, 10, 8),
    "walls": [
        {"id": "w-back", "points": [[6, 5], [10, 5]]},
        {"id": "w-back-side", "points": [[6, 5], [6, 8]]},
    ],
    "zones": [
        {"id": "z-waiting", "kind": "waitingroom", "polygon": rect(0, 0, 10, 3)},
        {"id": "z-windows", "kind": "window_service", "polygon": rect(0, 3, 10, 5)},
        {"id": "z-guide", "kind": "guidance", "polygon": rect(0, 5, 6, 8)},
        {"id": "z-back", "kind": "back_office", "polygon": rect(6, 5, 10, 8)},
    ],
    "openings": [
        {"id": "d-main", "category": "pedestrian.principal", "position": [5, 0], "width": 1.2,
         "emergency_exit": True, "glass": True, "door": "sliding"},
        {"id": "d-exit", "category": "emergencyexit", "position": [10, 1.5], "width": 1.0,
         "door": "swinging", "swing": "outward"},
        {"id": "d-back", "category": "service", "position": [8, 5], "width": 0.9},
    ],
    "counters": [
        {"id": "c1", "number": "1", "type": "general", "zone": "z-windows",
         "footprint": rect(1, 3.6, 2.8, 4.2), "customer_side": [1.9, 3.3], "staff_side": [1.9, 4.6],
         "services": ["社保代办"], "low": True},
        {"id": "c2", "number": "2", "type": "help_and_agency", "zone": "z-windows",
         "footprint": rect(3.4, 3.6, 5.2, 4.2), "customer_side": [4.3, 3.3], "staff_side": [4.3, 4.6],
         "services": ["帮办代办"]},
    ],
    "seat_rows": [{"id": "seats-1", "zone": "z-waiting", "footprint": rect(1, 1, 4, 1.5), "seats": 6}],
    "desks": [{"id": "desk-guide", "kind": "guidance", "zone": "z-guide", "footprint": rect(1, 6, 2.5, 6.8)}],
    "signs": [
        {"id": "s-exit", "kind": "safety.exit", "position": [9.95, 1.5], "facing": [-1, 0], "refers_to": "d-exit"},
        {"id": "s-hours", "kind": "hours", "position": [6, 0], "facing": [0, -1]},
    ],
    "amenities": [{"id": "a-water", "kind": "drinkingfountain", "position": [9.5, 2.5]}],
    "obstacles": [{"id": "col-1", "kind": "column", "footprint": rect(7, 1, 7.4, 1.4)}],
    "cameras": [{"id": "cam-1", "position": [0.3, 0.3], "facing": [1, 1]}],
    "attestations": [{"clause": "4.3.4", "attested": True, "by": "王芳", "date": "2024-05-06"}],
}


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write(name, content):
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(os.path.join(HERE, "broken", name), mode) as f:
        f.write(content)


def mutated(change):
    doc = copy.deepcopy(BASE)
    change(doc)
    return dump(doc)


def setter(path, value):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def deleter(path):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return change


def both(*changes):
    def change(doc):
        for c in changes:
            c(doc)
    return change


def main():
    os.makedirs(os.path.join(HERE, "broken"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "valid"), exist_ok=True)
    with open(os.path.join(HERE, "valid", "minimal.json"), "w") as f:
        f.write(dump(BASE))
    text = dump(BASE)

    # --- not JSON at all, or not UTF-8 -----------------------------------------------------
    write("empty.json", "")
    write("whitespace-only.json", "  \n\t\n")
    write("truncated.json", text[: text.index('"counters"') + 40])
    write("nan-coordinate.json", text.replace('"outline": [\n    [\n      0,\n      0\n    ],\n    [\n      10,',
                                              '"outline": [\n    [\n      0,\n      0\n    ],\n    [\n      NaN,', 1))
    write("infinity-width.json", text.replace('"width": 1.2', '"width": Infinity', 1))
    write("number-overflow.json", text.replace('"served_population": 1200', '"served_population": 1e400', 1))
    write("trailing-comma.json", text.replace('"enterprises": 10,', '"enterprises": 10,,', 1))
    write("invalid-utf8.json", text.encode("utf-8").replace("测试村".encode("utf-8"), b"\xb2\xe2\xca\xd4", 1))
    write("utf16.json", b"\xff\xfe" + text.encode("utf-16-le"))
    write("duplicate-key.json", text.replace('"level": "unit",', '"level": "unit",\n    "level": "station",', 1))
    write("deep-nesting.json", '{"format_version": 1, "outline": ' + "[" * 40 + "]" * 40 + "}\n")

    # --- against the schema -------------------------------------------------------------
    write("root-is-array.json", "[" + text + "]\n")
    write("missing-site.json", mutated(deleter(["site"])))
    write("site-is-array.json", mutated(setter(["site"], [BASE["site"]])))
    write("wrong-type-width.json", mutated(setter(["openings", 0, "width"], "1.2")))
    write("negative-width.json", mutated(setter(["openings", 1, "width"], -0.9)))
    write("huge-coordinate.json", mutated(setter(["outline", 2, 0], 1e300)))
    write("unknown-zone-kind.json", mutated(setter(["zones", 2, "kind"], "lobbby")))
    write("misspelled-field.json", mutated(lambda d: d["zones"][1].update({"polgon": d["zones"][1].pop("polygon")})))
    write("wrong-format-version.json", mutated(setter(["format_version"], 2)))
    write("bad-time.json", mutated(setter(["site", "opening_hours", 0, "open"], "8:30")))
    write("point-with-three-numbers.json", mutated(setter(["signs", 1, "position"], [6, 0, 0])))
    write("seats-not-whole.json", mutated(setter(["seat_rows", 0, "seats"], 5.5)))
    write("bad-id.json", mutated(setter(["amenities", 0, "id"], "water dispenser")))
    write("schema-many-mistakes.json", mutated(both(
        setter(["site", "sprinklers"], "no"),
        setter(["counters", 1, "type"], "genral"),
        deleter(["cameras", 0, "facing"]))))

    # --- meaning ------------------------------------------------------------------------
    write("polygon-not-closed.json", mutated(lambda d: d["zones"][0]["polygon"].pop()))
    write("self-crossing-zone.json", mutated(setter(["zones", 2, "polygon"],
                                                    [[0, 5], [6, 8], [6, 5], [0, 8], [0, 5]])))
    write("self-crossing-outline.json", mutated(setter(["outline"],
                                                       [[0, 0], [10, 0], [0, 8], [10, 8], [0, 0]])))
    write("repeated-point.json", mutated(setter(["obstacles", 0, "footprint"],
                                                [[7, 1], [7.4, 1], [7.4, 1], [7.4, 1.4], [7, 1.4], [7, 1]])))
    write("zone-outside-building.json", mutated(setter(["zones", 3, "polygon"], rect(6, 5, 12, 8))))
    write("overlapping-zones.json", mutated(setter(["zones", 1, "polygon"], rect(0, 2, 10, 5))))
    write("door-off-every-wall.json", mutated(setter(["openings", 0, "position"], [5, 2])))
    write("door-off-its-wall.json", mutated(setter(["openings", 2, "wall"], "w-back-side")))
    write("door-wider-than-wall.json", mutated(setter(["openings", 2, "width"], 5.0)))
    write("doors-overlap.json", mutated(lambda d: d["openings"].append(
        {"id": "d-side", "category": "pedestrian", "position": [10, 2.2], "width": 1.0})))
    write("no-main-entrance.json", mutated(setter(["openings", 0, "category"], "pedestrian")))
    write("two-main-entrances.json", mutated(setter(["openings", 1, "category"], "pedestrian.principal")))
    write("interior-emergency-exit.json", mutated(setter(["openings", 2, "emergency_exit"], True)))
    write("swing-on-sliding-door.json", mutated(setter(["openings", 0, "swing"], "outward")))
    write("duplicate-id.json", mutated(setter(["zones", 3, "id"], "z-guide")))
    write("duplicate-window-number.json", mutated(setter(["counters", 1, "number"], "1")))
    write("unresolved-zone.json", mutated(setter(["counters", 0, "zone"], "z-window")))
    write("zone-reference-to-counter.json", mutated(setter(["seat_rows", 0, "zone"], "c1")))
    write("unresolved-sign-reference.json", mutated(setter(["signs", 0, "refers_to"], "d-exit-2")))
    write("counter-outside-zone.json", mutated(setter(["counters", 1, "zone"], "z-guide")))
    write("overlapping-counters.json", mutated(setter(["counters", 1, "footprint"], rect(2.5, 3.6, 4.3, 4.2))))
    write("counter-sides-same-side.json", mutated(setter(["counters", 0, "staff_side"], [1.9, 3.1])))
    write("seat-row-on-column.json", mutated(setter(["seat_rows", 0, "footprint"], rect(5, 1, 8, 1.5))))
    write("priority-seats-exceed-seats.json", mutated(setter(["seat_rows", 0, "priority_seats"], 8)))
    write("facing-nowhere.json", mutated(setter(["signs", 1, "facing"], [0, 0])))
    write("sign-far-away.json", mutated(setter(["signs", 1, "position"], [60, 0])))
    write("amenity-outside.json", mutated(setter(["amenities", 0, "position"], [11, 2.5])))
    write("close-before-open.json", mutated(setter(["site", "opening_hours", 0, "close"], "08:00")))
    write("impossible-date.json", mutated(setter(["attestations", 0, "date"], "2024-02-30")))
    write("ramp-without-width.json", mutated(lambda d: d.update({"level_changes": [
        {"id": "lc-ramp", "kind": "ramp", "line": [[6, -1], [2, -1]], "rise": 0.2}]})))
    write("theme-on-plain-zone.json", mutated(setter(["zones", 0, "theme"], "party_building")))
    write("meaning-many-mistakes.json", mutated(both(
        setter(["openings", 1, "position"], [9, 1.5]),
        setter(["counters", 1, "zone"], "z-nowhere"),
        setter(["zones", 3, "id"], "z-guide"))))


if __name__ == "__main__":
    main()
