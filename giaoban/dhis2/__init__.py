"""DHIS2 dataValueSets exchange.

`giaoban.dhis2.format` is plain Python (no Django): period conversion, reading and writing the
JSON and CSV payloads, the import summary in DHIS2's shape. `giaoban.dhis2.service` is the
Django side: code ↔ DHIS2 id mapping, scope checks, the import through
`giaoban.collection.bulk` and the export.
"""
