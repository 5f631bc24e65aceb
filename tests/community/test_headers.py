import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]

PATHS = ["/", "/hulp/", "/healthz", "/bestaat-niet/", "/accounts/login/", "/accounts/signup/"]


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client, help_page, path):
    response = client.get(path)

    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", PATHS)
def test_public_pages_have_a_strict_content_security_policy(client, help_page, path):
    response = client.get(path)

    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]


def test_only_the_wagtail_admin_allows_inline_code(client, help_page):
    response = client.get("/admin/login/")

    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]


def test_anonymous_pages_set_no_cookies(client, help_page):
    for path in ["/", "/hulp/"]:
        response = client.get(path)
        assert response.cookies == {}, path
