"""Streamlit helpers shared by the pages: the journal connection, the owner, common blocks."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

# The page modules live in pages/, which Streamlit also treats as its older automatic page
# list until app.py has called st.navigation once in this process. A visitor whose first
# request after a server start is a deep link (/history) would get that older menu and no
# app.py at all (no mode, sidebar or footer). This package is imported by app.py and every
# page, once per process: turn the old behaviour off then, and run again through app.py.
if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    st.rerun()
