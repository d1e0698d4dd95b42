"""One screen per module, each with its stylesheet next to it."""
