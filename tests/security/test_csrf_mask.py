"""The CSRF token every page carries is masked by giaoban.security.csrf (one os.urandom read, not 32
secrets.choice calls): what it writes is what Django writes and reads back. Django's own unmasking
gives the secret again, each page a new mask, characters uniform over the allowed 62, and the
middleware accepts a form posted with the page's token and refuses a changed one."""

import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.middleware import csrf as django_csrf
from django.test import Client
from django.urls import reverse

from giaoban.security import csrf

pytestmark = pytest.mark.django_db


def test_installed_and_read_back_by_django():
    assert django_csrf._mask_cipher_secret is csrf.mask_cipher_secret
    assert django_csrf._get_new_csrf_string is csrf.random_chars
    secret = csrf.random_chars()
    assert len(secret) == django_csrf.CSRF_SECRET_LENGTH and set(secret) <= set(django_csrf.CSRF_ALLOWED_CHARS)
    tokens = {csrf.mask_cipher_secret(secret) for _ in range(50)}
    assert len(tokens) == 50  # a new mask each time (BREACH)
    for token in tokens:
        assert len(token) == django_csrf.CSRF_TOKEN_LENGTH
        assert django_csrf._unmask_cipher_token(token) == secret
        assert django_csrf._does_token_match(token, secret)


def test_characters_uniform():
    counts = Counter("".join(csrf.random_chars() for _ in range(2000)))  # 64,000 characters
    assert set(counts) == set(django_csrf.CSRF_ALLOWED_CHARS)
    expected = 64_000 / 62
    assert all(abs(n - expected) < 6 * expected ** 0.5 for n in counts.values()), counts.most_common(3)


def test_middleware_accepts_the_page_token_and_refuses_another():
    user = get_user_model().objects.create_user("canbo.xa", password="mat-khau-dung-2024")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    html = client.get(reverse("home")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    changed = token[:-1] + ("a" if token[-1] != "a" else "b")
    assert client.post(reverse("set_language"), {"language": "vi", "csrfmiddlewaretoken": changed}).status_code == 403
    assert client.post(reverse("set_language"), {"language": "vi", "csrfmiddlewaretoken": token}).status_code == 302
