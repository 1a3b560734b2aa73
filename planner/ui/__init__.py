"""The Qt desktop interface: main window, views, item models and their glue to the services.

Only this package (with ``export`` and ``cli``) imports Qt; widgets call service methods and
never touch the database directly.
"""
