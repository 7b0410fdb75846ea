"""The scoreboards: labelled quotes and labelled articles, scored and rendered."""
