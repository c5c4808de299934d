"""KPI maths: plain Python, no Django (rolling counts, rates, significance)."""
