"""Language layers, each built on first use: sentences and tokens (razdel), morphology (pymorphy3),
syntax (natasha/slovnet). Importing this package imports none of the models."""
