"""Shared mode: only links the app issued open a journal, and strangers never see each other."""

import datetime as dt
import os
import shutil
import stat

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from recovery import config, owners, storage
from recovery.storage import preferences
from recovery.storage.errors import StorageError
from tests.conftest import ROOT, TODAY, answer_checkin, checkin, in_page_order

SECRET = "a secret only this test server knows"
SITE = "https://signs.example.org"


def signed(secret: str = SECRET) -> str:
    """A link this server issues."""
    return owners.new_link_token(secret.encode())


ALICE = signed()
BOB = signed()


def full_run(at: AppTest) -> AppTest:
    """Run the whole app again, app.py included.

    AppTest 1.67 reruns only the page script after the first run of a multipage app, so the
    sidebar and the link panel drawn by app.py would not be redrawn without this.
    """
    at._finished_page_script_hash = ""
    return at.run()


@pytest.fixture
def shared(db_path, monkeypatch):
    """A factory of AppTest sessions of the app in shared mode, all on one journal file."""
    monkeypatch.setenv("RECOVERY_DB", str(db_path))
    monkeypatch.setenv("RECOVERY_MODE", "shared")
    monkeypatch.setenv("RECOVERY_LINK_SECRET", SECRET)
    monkeypatch.delenv("RECOVERY_PUBLIC_URL", raising=False)
    st.cache_resource.clear()

    def visit(token: str | None = None, url: str | None = SITE) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if token is not None:
            at.query_params["journal"] = token
        if url:
            at.context["url"] = url
        return at.run()

    yield visit
    st.cache_resource.clear()


def _rows(db_path) -> list[tuple]:
    """Every (owner, leg pain) in the journal, read through the app's own connection."""
    conn = storage.open_database(db_path)
    try:
        return conn.execute("SELECT owner, leg_pain FROM checkins ORDER BY owner").fetchall()
    finally:
        conn.close()


def _rows_in_file_alone(db_path, tmp_path) -> list[tuple]:
    """The rows a copy of the database file holds on its own, without its write-ahead log."""
    copy = tmp_path / "copy" / "alone.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(db_path, copy)
    conn = duckdb.connect(str(copy), read_only=True)
    try:
        return conn.execute("SELECT owner, leg_pain FROM checkins ORDER BY owner").fetchall()
    finally:
        conn.close()


def _save_leg_pain(at: AppTest, value: int) -> AppTest:
    answer_checkin(at, leg_pain=value)
    at.button(key="ci_save").click()
    full_run(at)
    assert at.success, "the check-in was not saved"
    return at


def _start(shared, leg_pain: int) -> tuple[AppTest, str]:
    """A new visitor saves a first check-in; returns their session and their link."""
    at = _save_leg_pain(shared(), leg_pain)
    return at, at.query_params["journal"]


def _not_found(at: AppTest) -> bool:
    return [t.value for t in at.title] == ["No journal was found at this link"]


# ---- Links the server signs ---------------------------------------------------------


def test_a_link_the_server_issued_is_accepted():
    token = owners.new_link_token(b"k")
    assert owners.is_link_token(token, b"k")


@pytest.mark.parametrize(
    "value",
    [
        "a" * 22,  # looks like an old unsigned link
        "x" * 30,
        "",
        None,
        ALICE[:-1],  # cut short when copied
        ALICE[:22],  # the random part alone
        ALICE[:-1] + ("A" if ALICE[-1] != "A" else "B"),  # one character mistyped
        ("B" if ALICE[0] != "B" else "C") + ALICE[1:],  # mistyped in the random part
        signed("another server's secret"),  # well formed, signed by someone else
        "x'; DROP TABLE checkins; --",
    ],
)
def test_a_link_the_server_did_not_issue_is_refused(value):
    assert not owners.is_link_token(value, SECRET.encode())


def test_a_generated_link_secret_is_kept_beside_the_journal_readable_only_by_its_owner(tmp_path):
    journal = tmp_path / "j" / "recovery.duckdb"
    first = config.link_secret(str(journal), env={})
    again = config.link_secret(str(journal), env={})
    kept = tmp_path / "j" / "recovery.duckdb.link-secret"
    assert first == again and len(first) == 64
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600


def test_a_link_secret_set_by_the_host_wins_and_memory_journals_keep_theirs_in_memory(tmp_path):
    assert config.link_secret(str(tmp_path / "x.duckdb"), env={"RECOVERY_LINK_SECRET": "s"}) == b"s"
    from_secrets = config.link_secret(
        str(tmp_path / "x.duckdb"), env={}, secrets={"recovery": {"link_secret": "t"}}
    )
    assert from_secrets == b"t"
    assert not (tmp_path / "x.duckdb.link-secret").exists()
    assert config.link_secret(":memory:", env={}) == config.link_secret(":memory:", env={})
    assert not list(tmp_path.glob("*.link-secret"))


# ---- Who is this computer (local mode) ----------------------------------------------


@pytest.mark.parametrize(
    ("address", "here"),
    [
        (None, True),
        ("127.0.0.1", True),
        ("127.4.5.6", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),  # what a plain `streamlit run` reports for this computer
        ("[::1]", True),
        ("192.168.1.20", False),
        ("10.0.0.7", False),
        ("::ffff:192.168.1.20", False),
        ("2001:db8::1", False),
        ("not an address", False),
    ],
)
def test_every_loopback_form_is_this_computer(address, here):
    assert owners.is_this_computer(address) is here


# ---- Opening links -------------------------------------------------------------------


def test_a_new_visitor_gets_a_signed_link_but_nothing_is_written(shared, db_path):
    at = shared()
    assert owners.is_link_token(at.query_params["journal"], SECRET.encode())
    assert any("private to this page's address" in c.value for c in at.main.caption)
    assert _rows(db_path) == []


def test_bot_visits_write_nothing(shared, db_path):
    # Crawlers open the bare address, made-up links and real ones; none of it is a save.
    # (500 such visits also wrote nothing; 60 keep the suite quick.)
    for visit in range(60):
        token = None if visit % 3 == 0 else (ALICE if visit % 3 == 1 else "y" * (20 + visit % 30))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if token:
            at.query_params["journal"] = token
        at.run()
        assert not at.exception
    assert _rows(db_path) == []


@pytest.mark.parametrize(
    "value",
    [
        "a" * 22,
        "x" * 30,
        ALICE[:30],
        ALICE[:-1] + ("A" if ALICE[-1] != "A" else "B"),
        signed("someone else's secret"),
        "x'; --",
    ],
)
def test_a_link_that_leads_nowhere_is_refused_and_never_opens_an_empty_journal(
    shared, db_path, value
):
    _, alice = _start(shared, 8)
    at = shared(value)
    assert _not_found(at)
    assert not at.segmented_control, "a check-in form was shown for a link that leads nowhere"
    assert at.query_params["journal"] == value, "the address was swapped for a new journal"
    assert {b.label for b in at.button} == {"Start a new journal", "Restore a backup"}
    assert _rows(db_path) == [(owners.owner_for_link(alice), 8)]


def test_a_signed_link_with_nothing_saved_yet_opens_an_empty_journal_on_that_link(shared, db_path):
    # A newcomer who reloads, or opens a page in a new tab, before a first save.
    at = shared(BOB)
    assert not _not_found(at)
    assert at.query_params["journal"] == BOB
    assert at.segmented_control(key="ci_leg_pain").value is None
    answer_checkin(at)
    at.button(key="ci_save").click()
    full_run(at)
    assert _rows(db_path) == [(owners.owner_for_link(BOB), 5)]  # its leg pain answer


def test_rows_of_old_unsigned_links_no_longer_open(shared, db_path):
    old = "b" * 22
    conn = storage.open_database(db_path)
    storage.save_checkin(conn, owners.owner_for_link(old), TODAY, checkin(), today=TODAY)
    conn.close()
    assert _not_found(shared(old))


def test_starting_a_new_journal_from_a_dead_link_gives_a_new_signed_link(shared, db_path):
    at = shared("x" * 30)
    at.button(key="nf_new").click()
    full_run(at)
    assert not _not_found(at)
    token = at.query_params["journal"]
    assert token != "x" * 30 and owners.is_link_token(token, SECRET.encode())
    assert at.date_input(key="ci_date").value == TODAY
    assert _rows(db_path) == []


def test_restoring_a_backup_from_a_dead_link_opens_your_data_in_a_new_journal(shared):
    at = shared("x" * 30)
    at.button(key="nf_restore").click()
    full_run(at)
    assert [t.value for t in at.title] == ["Your data"]
    assert owners.is_link_token(at.query_params["journal"], SECRET.encode())


def test_two_visitors_never_see_each_others_check_ins(shared, db_path):
    _, alice = _start(shared, 8)
    bob = shared()
    assert not bob.main.info, "Bob's form says a day is already logged"
    bob.switch_page("pages/history.py").run()
    assert "Your journal is empty" in bob.main.info[0].value
    assert _rows(db_path) == [(owners.owner_for_link(alice), 8)]


def test_coming_back_with_the_same_link_finds_the_journal(shared):
    _, alice = _start(shared, 7)
    again = shared(alice)
    assert again.segmented_control(key="ci_leg_pain").value == 7
    assert "already checked in" in again.main.info[0].value
    again.switch_page("pages/history.py").run()
    assert again.dataframe[0].value["Leg pain"].tolist() == ["7"]


# ---- The link after the first save --------------------------------------------------


def test_after_the_first_save_the_full_link_is_shown_with_a_copy_button(shared):
    at = _save_leg_pain(shared(), 5)
    token = at.query_params["journal"]
    link = f"{SITE}/?journal={token}"
    assert [c.value for c in at.main.code] == [link]  # st.code draws a copy button
    assert [c.value for c in at.sidebar.code] == [link]
    assert any("Bookmark it, or e-mail it to yourself" in c.value for c in at.main.caption)
    at.button(key="sl_kept").click()
    full_run(at)
    assert not at.main.code and [c.value for c in at.sidebar.code] == [link]


def test_the_host_can_set_the_public_address_of_links(shared, monkeypatch):
    monkeypatch.setenv("RECOVERY_PUBLIC_URL", "https://clinic.example.net/signs/")
    at = _save_leg_pain(shared(url=None), 5)
    token = at.query_params["journal"]
    assert at.sidebar.code[0].value == f"https://clinic.example.net/signs/?journal={token}"


def test_every_page_link_carries_the_journal_key(shared):
    at, alice = _start(shared, 5)
    links = at.get("page_link")
    assert len(links) >= 7  # five in the sidebar, two under the saved message
    for link in links:
        assert link.proto.query_string == f"journal={alice}", link.proto.label


def test_a_server_whose_journals_sit_in_a_local_file_says_they_may_be_wiped(shared):
    at = shared()
    assert any("may be wiped at any restart" in c.value for c in at.main.caption)


def test_a_backup_is_offered_after_every_tenth_check_in(shared, db_path):
    conn = storage.open_database(db_path)
    for back in range(1, 10):
        day = TODAY - dt.timedelta(days=back)
        storage.save_checkin(conn, owners.owner_for_link(ALICE), day, checkin(), today=TODAY)
    at = shared(ALICE)
    assert not at.get("download_button")
    _save_leg_pain(at, 4)  # the tenth
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["Download a backup (JSON)"]


# ---- Deleting and moving a journal --------------------------------------------------


def test_deleting_the_whole_journal_removes_its_rows_from_the_file(shared, db_path, tmp_path):
    _, bob = _start(shared, 3)
    at, alice = _start(shared, 8)
    at.button(key="sl_delete").click()
    full_run(at)
    assert at.sidebar.warning, "no confirmation was asked"
    assert len(_rows(db_path)) == 2, "deleted before confirming"
    at.button(key="sl_delete_yes").click()
    full_run(at)
    assert "Your journal was deleted (1 check-in)" in at.success[0].value
    assert at.query_params["journal"] != alice
    assert _rows_in_file_alone(db_path, tmp_path) == [(owners.owner_for_link(bob), 3)]
    assert _not_found(shared(alice))


def test_cancelling_the_delete_keeps_the_journal(shared, db_path):
    at, alice = _start(shared, 8)
    at.button(key="sl_delete").click()
    full_run(at)
    at.button(key="sl_delete_no").click()
    full_run(at)
    assert _rows(db_path) == [(owners.owner_for_link(alice), 8)]


def test_a_new_link_moves_the_journal_and_the_old_link_stops_working(shared, db_path):
    at, alice = _start(shared, 6)
    at.button(key="sl_new_link").click()
    full_run(at)
    # Asked first, saying what happens to bookmarks elsewhere; nothing has moved yet.
    assert "other devices" in at.sidebar.warning[0].value
    assert at.query_params["journal"] == alice
    at.button(key="sl_new_link_no").click()
    full_run(at)
    assert at.query_params["journal"] == alice and not at.sidebar.warning
    at.button(key="sl_new_link").click()
    full_run(at)
    at.button(key="sl_new_link_yes").click()
    full_run(at)
    new = at.query_params["journal"]
    assert new != alice and owners.is_link_token(new, SECRET.encode())
    assert "has a new private link" in at.success[0].value
    assert at.sidebar.code[0].value == f"{SITE}/?journal={new}"
    assert _rows(db_path) == [(owners.owner_for_link(new), 6)]
    assert _not_found(shared(alice))
    assert shared(new).segmented_control(key="ci_leg_pain").value == 6


def test_moving_an_owner_moves_every_row_in_one_go(conn):
    for back in range(3):
        storage.save_checkin(conn, "link:old", TODAY - dt.timedelta(days=back), checkin())
    storage.save_checkin(conn, "link:other", TODAY, checkin())
    assert storage.move_owner(conn, "link:old", "link:new") == 3
    assert len(storage.load_checkins(conn, "link:new")) == 3
    assert storage.load_checkins(conn, "link:old").empty
    assert len(storage.load_checkins(conn, "link:other")) == 1


# ---- Sign-in ---------------------------------------------------------------------------

AUTH = {
    "redirect_uri": "https://signs.example.org/oauth2callback",
    "cookie_secret": "a-test-cookie-key-that-is-long-enough-0123456789",
    "client_id": "seven-signs",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
}


@pytest.fixture
def signed_in(shared, db_path):
    """A factory of visits to a shared app whose host configured sign-in."""

    def visit(user: dict | None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.secrets["auth"] = AUTH
        at.user = user or {"is_logged_in": False}
        return at.run()

    return visit


def _person(subject: str, email: str) -> dict:
    return {"is_logged_in": True, "iss": "https://id.example.org", "sub": subject, "email": email}


def test_with_sign_in_configured_a_visitor_must_sign_in_first(signed_in, db_path):
    at = signed_in(None)
    assert [t.value for t in at.title] == ["Sign in to open your journal"]
    assert [b.label for b in at.button] == ["Sign in"]
    assert not at.segmented_control
    assert "journal" not in at.query_params


def test_signed_in_people_have_their_own_journals_keyed_by_provider_and_subject(signed_in, db_path):
    ann = signed_in(_person("ann-123", "ann@example.org"))
    assert "journal" not in ann.query_params
    _save_leg_pain(ann, 7)
    ben = signed_in(_person("ben-456", "ben@example.org"))
    assert not ben.main.info
    ben.switch_page("pages/history.py").run()
    assert "Your journal is empty" in ben.main.info[0].value
    rows = _rows(db_path)
    assert rows == [(owners.owner_for_account("https://id.example.org", "ann-123"), 7)]
    assert "ann@example.org" not in rows[0][0]
    again = signed_in(_person("ann-123", "ann.new@example.org"))
    assert again.segmented_control(key="ci_leg_pain").value == 7


# ---- Settings for hosting -------------------------------------------------------------


def test_hosting_settings_come_from_the_environment_first_then_secrets():
    secrets = {
        "recovery": {
            "motherduck_token": "from-secrets",
            "public_url": "https://a.example/",
            "link_secret": "k",
        },
        "auth": {"client_id": "x"},
    }
    assert config.motherduck_token(env={}, secrets=secrets) == "from-secrets"
    assert config.motherduck_token(env={"MOTHERDUCK_TOKEN": "env"}, secrets=secrets) == "env"
    assert config.motherduck_token(env={}, secrets={}) is None
    assert config.public_url(env={}, secrets=secrets) == "https://a.example/"
    assert config.auth_configured(secrets) and not config.auth_configured({})
    assert config.link_secret_configured(env={}, secrets=secrets)
    assert not config.link_secret_configured(env={}, secrets={})
    assert config.is_hosted_database("md:seven_signs")
    assert not config.is_hosted_database(str(ROOT / "data" / "recovery.duckdb"))


def test_the_example_secrets_file_names_every_setting_and_holds_no_real_secret():
    import tomllib

    example = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text())
    recovery = example["recovery"]
    for name in (
        "mode",
        "db",
        "public_url",
        "emergency_number",
        "link_secret",
        "kiosk_idle_seconds",
        "motherduck_token",
    ):
        assert name in recovery, name
    assert config.app_mode(env={}, secrets=example) == "shared"
    assert {"redirect_uri", "cookie_secret", "client_id", "client_secret"} <= set(example["auth"])
    assert "replace" in recovery["link_secret"] and "paste" in recovery["motherduck_token"]


def test_the_worsening_notice_links_to_the_guide_with_the_journal_key(shared, db_path):
    from tests.support import JOURNALS

    token = signed()
    conn = storage.open_database(db_path)
    rows = [(day, checkin(**values)) for day, values in JOURNALS["all worse"]]
    storage.save_checkins(conn, owners.owner_for_link(token), rows, today=TODAY)
    conn.close()
    at = shared(token)
    at.switch_page("pages/progress.py").run()
    [guide] = [link for link in at.get("page_link") if "Recovery guide" in link.proto.label]
    assert guide.proto.query_string == f"journal={token}"


def test_a_deleted_journals_link_is_revoked_and_others_are_not(conn):
    storage.save_checkin(conn, "link:gone", TODAY, checkin(), today=TODAY)
    storage.delete_owner(conn, "link:gone", revoke=True)
    storage.save_checkin(conn, "kiosk:visit", TODAY, checkin(), today=TODAY)
    storage.delete_owner(conn, "kiosk:visit")
    assert storage.is_revoked(conn, "link:gone")
    assert not storage.is_revoked(conn, "kiosk:visit")
    assert not storage.is_revoked(conn, "link:never-used")


def test_after_a_first_save_the_link_sits_under_the_confirmation_and_the_old_notice_goes(shared):
    at = shared()
    answer_checkin(at)
    at.button(key="ci_save").click()
    full_run(at)
    order = in_page_order(at.main)
    saved = next(i for i, el in enumerate(order) if el.type == "success")
    link = next(i for i, el in enumerate(order) if el.type == "code")
    onward = next(
        i
        for i, el in enumerate(order)
        if el.type == "page_link" and el.proto.label == "See your progress"
    )
    # Under the confirmation, before the links onward and the rest of the form.
    assert saved < link < onward
    assert not any("Nothing is kept" in c.value for c in at.caption)


def test_a_tab_left_open_on_a_replaced_link_stores_nothing(shared, db_path):
    at, alice = _start(shared, 6)
    other_tab = shared(alice)  # the same journal open on another device
    assert other_tab.segmented_control(key="ci_leg_pain").value == 6
    at.button(key="sl_new_link").click()
    full_run(at)
    at.button(key="sl_new_link_yes").click()
    full_run(at)
    new = at.query_params["journal"]
    # The other tab's next action: told plainly, and its answer goes nowhere.
    other_tab.segmented_control(key="ci_leg_pain").set_value(2)
    other_tab.button(key="ci_save").click()
    full_run(other_tab)
    assert [t.value for t in other_tab.title] == ["This link no longer opens a journal"]
    assert not other_tab.success
    assert _rows(db_path) == [(owners.owner_for_link(new), 6)]


def test_every_write_refuses_a_revoked_owner(conn):
    storage.save_checkin(conn, "link:old", TODAY, checkin(leg_pain=5))
    storage.move_owner(conn, "link:old", "link:new")
    with pytest.raises(storage.RevokedOwnerError, match="no longer opens a journal"):
        storage.save_checkin(conn, "link:old", TODAY, checkin(leg_pain=1))
    with pytest.raises(storage.RevokedOwnerError):
        storage.save_checkins(conn, "link:old", [(TODAY, checkin())])
    with pytest.raises(storage.RevokedOwnerError):
        storage.delete_checkin(conn, "link:old", TODAY)
    with pytest.raises(storage.RevokedOwnerError):
        preferences.set_setting(conn, "link:old", preferences.EXERCISE_AIM, "3")
    with pytest.raises(storage.RevokedOwnerError):
        storage.move_owner(conn, "link:old", "link:third")
    assert storage.load_checkins(conn, "link:old").empty
    assert storage.load_checkins(conn, "link:new")["leg_pain"].tolist() == [5]


def test_a_write_refused_inside_a_callback_is_said_plainly(shared, db_path):
    at, alice = _start(shared, 6)
    guide = shared(alice)
    guide.switch_page("pages/recovery_guide.py").run()
    # The journal is deleted from another tab; this tab then changes its exercise aim.
    at.button(key="sl_delete").click()
    full_run(at)
    at.button(key="sl_delete_yes").click()
    full_run(at)
    guide.number_input(key="guide_exercise_aim").set_value(3)
    full_run(guide)
    assert not guide.exception  # no crash box (the browser test sees the plain message)
    assert isinstance(guide.session_state["storage_problem_from_callback"], StorageError)
    conn = storage.open_database(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
    finally:
        conn.close()


def test_new_journals_from_one_address_are_capped_per_hour(shared, db_path, monkeypatch):
    from recovery import quotas

    monkeypatch.setattr(quotas, "new_journals", quotas.HourlyQuota(1))
    _start(shared, 4)  # the first new journal from this address
    second = shared()
    answer_checkin(second, leg_pain=5)
    second.button(key="ci_save").click()
    full_run(second)
    assert quotas.NEW_JOURNALS_FULL in [w.value for w in second.warning]
    assert not second.success
    assert [pain for _, pain in _rows(db_path)] == [4]


def test_imports_from_one_address_are_capped_per_hour(shared, db_path, monkeypatch):
    from recovery import quotas
    from tests.support import csv_text, row

    monkeypatch.setattr(quotas, "imports", quotas.HourlyQuota(0))
    at, _ = _start(shared, 4)
    at.switch_page("pages/data.py").run()
    day = TODAY - dt.timedelta(days=3)
    at.file_uploader(key="data_upload_0").set_value(
        ("days.csv", csv_text([row(day)]).encode(), "text/csv")
    ).run()
    at.button(key="data_import_confirm").click()
    full_run(at)
    assert quotas.IMPORTS_FULL in [w.value for w in at.warning]
    assert [pain for _, pain in _rows(db_path)] == [4]
