"""Your data's medicines list under AppTest: add, refuse a nameless one, stop, remove."""

from __future__ import annotations

import streamlit as st

from recovery import storage


def _medicines(db_path):
    st.cache_resource.clear()  # the app's connection holds the file
    connection = storage.open_database(db_path)
    try:
        return storage.list_medicines(connection, "local")
    finally:
        connection.close()


def _open(app):
    app.run()
    app.switch_page("pages/data.py").run()
    assert not app.exception
    return app


def _add(app, name, dose="", kind="regular"):
    app.text_input(key="med_name").set_value(name)
    app.text_input(key="med_dose").set_value(dose)
    app.radio(key="med_kind").set_value(kind)
    app.button(key="FormSubmitter:med_add-Add medicine").click().run()
    assert not app.exception
    return app


def test_a_medicine_is_listed_once_with_its_dose_as_typed(app, db_path):
    _open(app)
    assert any("never advises" in c.value for c in app.caption)
    _add(app, "Naproxen", "250 mg twice a day")
    assert "Added Naproxen" in app.success[0].value
    assert any("Naproxen, 250 mg twice a day, regular" in e.label for e in app.expander)
    (saved,) = _medicines(db_path)
    assert (saved["name"], saved["dose"], saved["kind"]) == (
        "Naproxen",
        "250 mg twice a day",
        "regular",
    )


def test_a_medicine_without_a_name_is_refused_plainly(app, db_path):
    _open(app)
    _add(app, "   ", kind="as_needed")
    assert "needs a name" in app.warning[0].value
    assert _medicines(db_path) == []


def test_a_medicine_can_be_stopped_and_removed(app, db_path):
    _open(app)
    _add(app, "Paracetamol", kind="as_needed")
    (saved,) = _medicines(db_path)
    _open(app)
    form_box = [c for c in app.checkbox if c.label == "I no longer take it"][0]
    form_box.check()
    app.button(key=f"FormSubmitter:med_{saved['id']}_form-Save changes").click().run()
    assert _medicines(db_path)[0]["retired"] is True
    _open(app)
    app.button(key=f"med_{saved['id']}_remove").click().run()
    assert not app.exception
    assert _medicines(db_path) == []
