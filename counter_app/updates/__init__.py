"""Updates of the app itself: release signatures, the install layout with its version pointers, staging."""
