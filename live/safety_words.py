"""The phrases a new site starts with in the live rooms' safety settings (LiveSafetySettings).

Moderators edit them in the admin (the "live chat safety" setting); these are only the first values.
"""

WATCHED_DEFAULT = """zelfmoord
suïcide
ik wil dood
ik wil niet meer leven
ik wil er niet meer zijn
er een eind aan maken
ik ben bang
ik ben niet veilig
ik durf niet naar huis
hij slaat me
ze slaat me
ik word geslagen
hij bedreigt me
ze bedreigt me
hij vermoordt me
ik word mishandeld"""

HOLD_DEFAULT = """woont op
zijn adres
haar adres
hun adres"""
