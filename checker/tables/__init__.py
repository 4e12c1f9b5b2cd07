"""The statistics tables (sections 二, 三, 四): template definitions, text layouts, label mapping,
extraction from a Document, rendering. Layout parsing (layouts/) only splits text into cells;
mapping cells to template ids (labels.py) works the same for text and for docx/html/pdf tables."""
