"""Text segmentation shared by the passes: paragraphs and sentences with offsets."""
