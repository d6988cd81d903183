"""How the site names a staff member to others (mails, messages, the start page)."""


def display_name(user) -> str:
    """The full name, else the username; "" for nobody."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
