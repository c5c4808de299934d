"""Partnership forums (district JAGs): forum members read the sanitised intelligence that
analysts prepared and approved (`csphub.redaction`)."""
