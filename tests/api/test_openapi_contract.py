"""The API's contract: its OpenAPI schema (paths in order, operation ids, parameters, answers) and
its URL patterns with their names are the ones recorded in openapi_contract.json — recorded
before the endpoints were split into routers per domain, so the split changed neither.

A deliberate change of the API updates the file (and says so in its commit):
    python - <<'PY'
    import django, json, os; os.environ["DJANGO_SETTINGS_MODULE"] = "giaoban.settings"; django.setup()
    from giaoban.api.endpoints import api
    json.dump({"urls": [[str(u.pattern), u.name] for u in api.urls[0]], "schema": api.get_openapi_schema()},
              open("tests/api/openapi_contract.json", "w"), ensure_ascii=False, indent=1)
    PY
"""

import json
from pathlib import Path

from giaoban.api.endpoints import api

CONTRACT = json.loads((Path(__file__).parent / "openapi_contract.json").read_text(encoding="utf-8"))


def test_the_openapi_schema_is_the_recorded_one():
    schema = json.loads(json.dumps(api.get_openapi_schema()))
    assert list(schema["paths"]) == list(CONTRACT["schema"]["paths"])
    for path, operations in CONTRACT["schema"]["paths"].items():
        assert schema["paths"][path] == operations, path
    assert schema == CONTRACT["schema"]


def test_every_api_url_and_its_name_are_the_recorded_ones():
    assert [[str(u.pattern), u.name] for u in api.urls[0]] == CONTRACT["urls"]
