"""exambank: exam question banks as YAML, linted and built into handouts and exports."""
