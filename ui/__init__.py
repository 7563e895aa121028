"""Streamlit helpers shared by the pages: the journal connection, the owner, common blocks."""
