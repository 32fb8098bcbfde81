"""What a reader sees: views of the linked archive, the timeline, rendering through the
theme's templates (``templates/``, the default theme), and writing the pages."""
