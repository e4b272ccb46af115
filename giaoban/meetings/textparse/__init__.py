"""Small plain-Python helpers behind `giaoban.meetings.parse` (no Django import)."""
