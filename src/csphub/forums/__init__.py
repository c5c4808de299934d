"""Partnership forums (district JAGs): sanitised intelligence prepared by analysts and read by forum members."""
