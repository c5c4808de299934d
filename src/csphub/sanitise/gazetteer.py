"""Word lists the recognisers share: names, titles, places, organisations, ordinary words.

Everything here is read once at import time and kept as frozensets (case-folded where the
lookup is case-insensitive). The first-name and surname lists combine our own hand-made lists
(common UK names across Leicester, Leicestershire and Rutland's communities) with the Faker
en_GB provider's lists, which ship inside the installed package and need no network.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS as STOP_WORDS  # re-exported for the finders


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in text.split() if w)


def _faker_lists() -> tuple[set[str], set[str], set[str]]:
    try:  # Faker is a dependency; still, the engine must not fail without it.
        from faker.providers.address.en_GB import Provider as AddressProvider
        from faker.providers.person.en_GB import Provider as PersonProvider
    except ImportError:  # pragma: no cover
        return set(), set(), set()
    first = set(PersonProvider.first_names_male) | set(PersonProvider.first_names_female)
    last = set(PersonProvider.last_names)
    streets = set(AddressProvider.street_suffixes)
    return first, last, streets


_FAKER_FIRST, _FAKER_LAST, _FAKER_STREETS = _faker_lists()

# --- First names -------------------------------------------------------------------------------
# Hand-made: British/Irish given names and short forms, and names common among Leicester's
# South Asian, Somali, Polish, Romanian, Lithuanian and other communities.
_OWN_FIRST = _words("""
Aaron Abbie Abdi Abdirahman Abdul Abdullah Abdullahi Abigail Adam Adrian Ahmad Ahmed Aidan Aiden
Aisha Ayesha Alan Albert Aleksander Aleksandra Alex Alexander Alexandra Alexandru Alfie Ali Alice
Alisha Alison Amanda Amar Amardeep Amelia Amina Amir Amit Amrit Amy Ana Andrea Andreea Andrei
Andrew Andrzej Andy Angela Anil Anita Anjali Ann Anna Anne Annie Anthony Antonio Aoife Archie
Arjun Arthur Arun Asha Ashleigh Ashley Asif Aurelia Ava Ayaan Baljit Balvinder Barbara Barry
Bartek Bartosz Becky Ben Benjamin Beth Bethany Bhavesh Bhavna Bilal Billy Bobby Bogdan Bradley
Brandon Brian Caitlin Callum Calvin Cameron Carl Carla Carly Caroline Casey Catalin Catherine
Chantelle Charlie Charlotte Chelsea Chloe Chris Christopher Ciara Ciaran Claire Connor Conor
Corey Courtney Craig Cristian Cristina Daisy Damian Dan Daniel Daniela Danielle Danny Dariusz
Darius Darren Daryl Dave David Dawid Dean Declan Deepak Demi Denis Dennis Derek Dev Dhruv Diana
Dilip Dinesh Dipesh Dominik Dominic Donna Dylan Eamon Ebony Eddie Edward Elena Eleanor Elijah
Elizabeth Ella Ellie Elliot Ellis Emily Emma Eoin Eric Erin Ethan Eva Evie Ewa Ewelina Fahad
Faisal Farah Farhan Fatima Fatuma Filip Finley Fiona Florin Florentina Freddie Freya Gabriel
Gabriela Gareth Gary Gemma George Georgia Grzegorz Gurpreet Halima Hamza Hannah Harjit Harpreet
Harry Harvey Hassan Hayley Hazel Helen Hetal Hina Hiren Hitesh Hodan Hollie Hussein Iain Ian
Ibrahim Ilyas Imran Ioana Ion Ionut Irfan Isaac Isabel Isabella Isla Ismail Ivan Jack Jacob
Jade Jagdish Jake Jakub James Jamie Jan Jane Janusz Jasmine Jason Jasmin Jaspreet Jaswinder
Jay Jayden Jayshree Jenna Jennifer Jess Jessica Jignesh Jimmy Joanna Joanne Jodie Joe Joel John
Jon Jonas Jonathan Jordan Joseph Josh Joshua Julia Julie Justyna Kacper Kai Kalpana Kamil
Kamila Kamlesh Kane Kara Karen Karina Karl Karolina Kasia Katarzyna Kate Katie Kayla Kayleigh
Keeley Keira Kelly Kerry Kevin Khadija Khalid Kieran Kiera Kim Kiran Kirsty Krishna Krupa
Krzysztof Kuldeep Kyle Lacey Laura Lauren Leah Leanne Lee Leo Leon Lewis Liam Lily Lindsey Lisa
Logan Lorraine Louise Lucas Lucy Luke Lukas Lukasz Łukasz Luminita Maciej Madison Magdalena
Mahad Mahmood Maisie Maja Malcolm Mandeep Manpreet Mantas Marcin Marek Maria Mariana Marius
Mariusz Mark Marta Martin Maryam Mason Mateusz Matt Matthew Meera Megan Mehmet Mia Michael
Michal Michał Michelle Mihaela Mihai Mike Millie Mitchell Mo Mohamed Mohammad Mohammed Mohamud
Molly Monika Muhammad Mukesh Mustafa Nadia Natalia Natalie Natasha Nathan Navdeep Neha Neil
Nicola Nicole Nikhil Nikki Nilesh Nisha Noah Nuala Olivia Oliver Omar Oscar Owen Padraig Paige
Patrick Patrycja Paul Paula Paulina Pawel Paweł Peter Philip Phoebe Piotr Pooja Pradeep Pritesh
Priya Rachel Rahul Raj Rajesh Rakesh Ramesh Ravi Reece Reggie Rhys Ricky Riley Rohan Ronnie Ross
Ruby Ryan Sadia Sahil Saima Sajid Salma Sam Samantha Samir Samira Samuel Sana Sandeep Sanjay
Sara Sarah Scott Sean Seamus Sebastian Shabana Shahid Shane Shannon Sharon Shaun Shauna Sian
Siobhan Simon Simran Sinead Sofia Sonia Sophie Stacey Stanislaw Stefan Stephen Steve Steven
Stuart Sukhwinder Sunil Sunita Suresh Szymon Tamara Tammy Tania Tanya Tariq Taylor Teresa Terry
Theo Thomas Tia Tiffany Tim Toby Tom Tomas Tomasz Tommy Toni Tony Tracey Tyler Umar Usman Vanessa
Vasile Vicky Victoria Vijay Vikram Viktor Vinod Wayne Wiktoria Wojciech Yasmin Yousef Yusuf Zac
Zach Zahid Zain Zainab Zak Zara Zbigniew Zoe Zofia Zuzanna
Rose Jo Roxanne Tyrese Tyrone Kayden Jaden Jaylen Kacey Kaycee Harley Bailey Frankie Albie Arlo
Teddy Sonny Rory Louie Jenson Ezra Reuben Hugo Rowan Kian Alfie-James Tommy-Lee Aria Nova Luna
Willow
Evelyn Esme Rosie Lola Lexi Maddison Tilly Eliza Darcie Darcey Bella Sienna Layla Lacey-Mae
Ellie-Mae Ellie-May Kelsey Leighton Tyler-James Courtney Jordan-Lee Shania Chantel Jodie-Leigh
Aarav Vihaan Reyansh Ishaan Aditi Ananya Diya Kavya Saanvi Ayan Zayn Rehan Eman Inaya Anaya Aliyah
Simran Gurdeep Rajinder Sukhdev Parminder Jasvir Harjinder Baljinder Kulwinder Manjit Jatinder
Navjot Rupinder Hardip Kamaljit Sarbjit Bhupinder Tejinder Pritam Dalbir Avtar Jaswant Balbir
Kofi Kwame Kwabena Ama Akosua Chidi Chinedu Ngozi Emeka Tunde Ayo Funmi Precious Blessing Favour
Comfort Chioma Adaeze Olu Oluwaseun Femi Bola Segun Yemi Nkechi Obinna Ikenna Uche Amara
Ikram Sagal Fadumo Hamdi Hibaaq Ayan Nimco Ubah Abdiqani Abdiaziz Liban Guled Bashir Idris
Niamh Aoife Roisin Orla Oisin Cormac Colm Donal Fionn Cian Caoimhe Grainne Maeve Sorcha
Bartlomiej Weronika Oliwia Kinga Malgorzata Dorota Beata Iwona Agata Jolanta Wiktor Hubert
Ionela Alina Cosmin Razvan Marian Costel Gheorghe Nicoleta Roxana Bianca Denisa Claudiu
""")

FIRST_NAMES: frozenset[str] = frozenset(_OWN_FIRST | _FAKER_FIRST)

# Given names that are also places: "his dad is in Jordan", "back from Devon".
PLACE_NAMES: frozenset[str] = _words("""
Jordan Chelsea Paris Georgia Victoria Devon Florence Sydney India Israel Austin Lincoln Brooklyn
Dallas Orlando Phoenix Savannah Carolina Virginia Kerry Shannon Clare Derry Lorne Eden Troy
""")

# Name words that are also ordinary words, months, places or brands: on their own they are not
# taken as a name (a surname, a title, a context cue or the statistical model must agree), and
# an earlier "Grace Hill" does not make every later "Hill" a person.
AMBIGUOUS_NAMES: frozenset[str] = (
    _words("""
Will May June April August Grace Hope Faith Joy Mark Bill Pat Sue Rob Jack Dawn Summer Amber Jade
Holly Ivy Daisy Poppy Ruby Heather Hazel Crystal Robin Dean Glen Glenn Ray Guy Frank Chase Jasmine
Ebony Brooke Precious Blessing Destiny Rocky Autumn Storm Sunny Honey Star Misty Dusty Duke Prince
King Major Patience Charity Hunter Angel Sky Skye Rose Lily Iris Violet Olive Pearl Penny Carol
Dale Drew Gene Max Miles Nick Rich Rusty Sandy Christian Don Earl Norman Stanley Matt Mo Dev Ion
Jan Ana Sana Ali Stan Lane Bond Hall Young Long Ford Banks Marsh Frost Winter Cross Bell Price Page
Law Hunt Moss Fox Bird Wood Hill Field Green Brown White Black Grey Gray Day Little Short Savage
Hardy Noble Lord Bishop Baker Cook Butcher Farmer Turner Porter Ward North West Kent Wells Waters
Stone Wall Reed Read Rice Fry Swift Smart Sharp Gill Kay Summers
""")
    | PLACE_NAMES
)

# --- Surnames ----------------------------------------------------------------------------------
_OWN_LAST = _words("""
Abbasi Adams Ahmed Akhtar Ali Allen Anderson Arshad Asghar Ashby Aslam Atwal Bailey Baker Banks
Barker Bashir Begum Bell Bennett Bhatti Bibi Bond Brown Butler Campbell Carter Chauhan Clark Clarke
Collins Cook Cooper Cox Davies Davis Dhillon Dixon Dobson Edwards Ellis Evans Farah Fisher Foster
Gill Gordon Graham Gray Green Grewal Griffiths Hall Harper Harris Harrison Hassan Hill Hughes
Hussain Hussein Iqbal Jackson James Johnson Jones Kaur Kelly Khan King Knight Kowalczyk Kowalski
Kaminski Lee Lewis Lewandowski Lloyd Mahmood Marshall Martin Mason Mirza Mistry Mitchell Mohamed
Moore Morgan Morris Murphy Nowak Nowakowski O'Brien O'Connor O'Neill Owen Parker Parmar Patel
Phillips Popescu Powell Price Qureshi Rahman Rana Rehman Richards Roberts Robinson Rogers Sandhu
Scott Shah Sharma Shaw Sidhu Simpson Singh Smith Solanki Stevens Szymanski Taylor Thomas Thompson
Turner Walker Ward Watson White Wilkinson Williams Wilson Wisniewski Wiśniewski Wojcik Wójcik Wood
Woods Wright Young Zielinski Ionescu Popa Stan Dumitru Kazlauskas Jankauskas Petrauskas Abdi
Warsame Osman Yusuf Omar Mohamud Jama Nur Hirani Lakhani Chohan Mann Bains Johal Rai Virdi
Bhogal Pandya Joshi Desai Mehta Modi Thakrar Kotecha Ruparelia Chudasama Makwana Vaghela Gohil
Parekh Pancholi Tailor Mistri Lad Jethwa Rathod Chavda Kumar Kumari Devi Das Ahmadi Karimi
Hosseini Rezaei Nguyen Tran Le Pham Wang Li Zhang Liu Chen Yang Huang
""")

SURNAMES: frozenset[str] = frozenset(_OWN_LAST | _FAKER_LAST)

# --- Titles ------------------------------------------------------------------------------------
# Honorifics and ranks written before a name. Matched case-sensitively (with or without a
# full stop): "PC Smith" is a name; "PC 1234" is a collar number and stays.
TITLES: frozenset[str] = _words("""
Mr Mrs Ms Miss Mx Dr Prof Professor Cllr Councillor Rev Revd Sir Dame Lady
PC DC PCSO Sgt Sergeant DS Insp Inspector DI DCI Supt Superintendent Det Detective Constable
MR MRS MS MISS DR CLLR
""")
# Ranks that are followed by a collar number in police writing ("PC 1234", "PCSO 5678").
RANK_TITLES: frozenset[str] = _words(
    "PC DC PCSO Sgt DS Insp DI DCI Supt Constable Sergeant Inspector Det Detective Superintendent"
)

# Words written before a name that introduce it ("her son Tyler", "a male called Kane").
CONTEXT_CUES: frozenset[str] = _words("""
named called name aka nicknamed alias son daughter brother sister partner boyfriend girlfriend
husband wife ex mum mother dad father stepdad stepmum stepfather stepmother uncle aunt auntie
cousin nephew niece grandson granddaughter grandmother grandfather nan nana grandad neighbour
neighbours friend mate victim suspect nominal offender perpetrator tenant associate carer
child pupil student client patient witness informant landlord landlady
""")

# --- Places ------------------------------------------------------------------------------------
# Leicester, Leicestershire and Rutland: districts, towns, villages and city neighbourhoods, and
# nearby cities. A capitalised word here is not taken as a name part unless a title precedes it.
PLACES: frozenset[str] = _words("""
Leicester Leicestershire Rutland LLR Loughborough Charnwood Hinckley Bosworth Melton Mowbray
Coalville Wigston Oadby Blaby Harborough Lutterworth Ashby Zouch Ashby-de-la-Zouch Shepshed Syston
Thurmaston Birstall Anstey Glenfield Groby Ratby Markfield Braunstone Enderby Narborough
Whetstone Countesthorpe Cosby Huncote Littlethorpe Sapcote Sharnford Burbage Barwell Shilton
Desford Newbold Verdon Ibstock Whitwick Thringstone Hugglescote Ellistown Donisthorpe Measham
Moira Kegworth Donington Castle Quorn Mountsorrel Rothley Sileby Barrow Soar Cossington Hathern
Whatton Diseworth Woodhouse Eaves Swithland Cropston Thurcaston Barkby Queniborough Goscote
Rearsby Asfordby Waltham Wolds Bottesford Wymondham Scalford Oakham Uppingham Cottesmore Ketton
Empingham Langham Ullesthorpe Husbands Billesdon Fleckney Kibworth Harcourt Beauchamp Glen Parva
Magna Thurnby Bushby Scraptoft Humberstone Hamilton Evington Highfields Belgrave Rushey Mead
Beaumont Leys Mowmacre Stocking Netherhall Goodwood Aylestone Saffron Eyres Monsell Knighton
Stoneygate Clarendon Westcotes Fosse Abbey Frith Muxloe Kirby Stanton Stoney Broughton Astley
Earl Sutton Bonington Bagworth Thornton Markfield Stapleton Earl Earls Twycross Sheepy Congerstone
Hallaton Medbourne Great Bowden Sutton Elms Frisby Wreake Gaddesby Tilton Lowesby
Nottingham Nottinghamshire Derby Derbyshire Northampton Northamptonshire Coventry Warwickshire
Nuneaton Rugby Birmingham London Manchester Leeds Sheffield Peterborough Lincoln Lincolnshire
Kettering Corby Grantham Stamford Tamworth Staffordshire Midlands England Britain UK Wales
Scotland Ireland Europe Devon Cornwall Essex Surrey Sussex Norfolk Suffolk Yorkshire Lancashire
Cumbria Durham Somerset Dorset Wiltshire Hampshire Berkshire Oxfordshire Cambridgeshire
Hertfordshire Bedfordshire Buckinghamshire Worcestershire Gloucestershire Shropshire Cheshire
Herefordshire Merseyside Liverpool Bristol Bradford Wolverhampton Walsall Stoke Doncaster Newcastle
Glasgow Edinburgh Cardiff Belfast Dublin Poland Romania Lithuania Latvia Albania Pakistan Somalia
Bangladesh Afghanistan Syria Iraq Iran Eritrea Sudan Nigeria Ghana Kenya Zimbabwe Jamaica Turkey
""")

# Nationalities, languages, faiths and similar words that NER sometimes tags as names.
DEMONYMS: frozenset[str] = _words("""
British English Welsh Scottish Irish Polish Romanian Lithuanian Latvian Bulgarian Slovak Czech
Albanian Kurdish Turkish Somali Eritrean Sudanese Afghan Syrian Iranian Iraqi Vietnamese Chinese
Indian Pakistani Bangladeshi Bengali Gujarati Punjabi Urdu Hindi Arabic Asian African Caribbean
European Portuguese Italian Spanish French German Russian Ukrainian Muslim Sikh Hindu Christian
Jewish Catholic Islamic Roma Gypsy Traveller Travellers Black White Mixed Eastern Western
""")

# Organisations active in the partnership: whole phrases are masked before names are sought.
ORGANISATIONS: tuple[str, ...] = (
    "Leicestershire Police",
    "Leicester City Council",
    "Leicestershire County Council",
    "Rutland County Council",
    "Charnwood Borough Council",
    "Blaby District Council",
    "Harborough District Council",
    "Hinckley and Bosworth Borough Council",
    "Melton Borough Council",
    "North West Leicestershire District Council",
    "Oadby and Wigston Borough Council",
    "Leicestershire Fire and Rescue Service",
    "East Midlands Ambulance Service",
    "Victim First",
    "Turning Point",
    "Women's Aid",
    "Living Without Abuse",
    "Juniper Lodge",
    "Crimestoppers",
    "Fearless",
    "Childline",
    "Samaritans",
    "NSPCC",
    "Barnardo's",
    "The Children's Society",
    "Catch22",
    "Probation Service",
    "Youth Justice Service",
    "Jobcentre Plus",
    "Citizens Advice",
    "Action Homeless",
    "Help the Homeless",
    "Voluntary Action LeicesterShire",
    "University of Leicester",
    "De Montfort University",
    "Loughborough University",
    "University Hospitals of Leicester",
    "Leicester Royal Infirmary",
    "Glenfield Hospital",
    "Leicestershire Partnership NHS Trust",
    "Police and Crime Commissioner",
    "Community Safety Partnership",
    "Safer Communities",
    "Neighbourhood Watch",
    "Trading Standards",
    "Environmental Health",
    "Social Services",
    "Children's Services",
    "Adult Social Care",
    "Child Exploitation",
    "County Lines",
    "Prevent",
    "Channel",
    "Fosse Park",
    "Highcross",
    "Haymarket",
    "Clock Tower",
    "De Montfort Hall",
    "Abbey Park",
    "Victoria Park",
    "Queens Park",
    "Tesco",
    "Asda",
    "Aldi",
    "Lidl",
    "Sainsbury's",
    "Morrisons",
    "Co-op",
    "Iceland",
    "Greggs",
    "McDonald's",
    "KFC",
    "Spar",
    "Costa Coffee",
    "Starbucks",
    "Boots",
    "Primark",
    "Premier Inn",
    "Travelodge",
    "Uber",
    "Amazon",
    "William Hill",
    "John Lewis",
    "Marks & Spencer",
    "Marks and Spencer",
    "Ladbrokes",
    "Coral",
    "Paddy Power",
    "Betfred",
    "B&M",
    "Home Bargains",
    "Poundland",
    "Wilko",
    "Sports Direct",
    "JD Sports",
    "Argos",
    "Currys",
    "River Island",
    "Specsavers",
    "Superdrug",
    "Holland & Barrett",
    "Waterstones",
    "WHSmith",
    "Morrisons Daily",
    "One Stop",
    "Nisa",
    "Londis",
    "Budgens",
    "Action Fraud",
    "Royal Mail",
    "Western Union",
    "MoneyGram",
    "PayPal",
    "Santander",
    "Barclays",
    "Lloyds",
    "NatWest",
    "Halifax",
    "Nationwide",
    "Monzo",
    "Revolut",
    "HSBC",
    "GoFundMe",
    "Deliveroo",
    "Just Eat",
    "Arriva",
    "First Bus",
    "Stagecoach",
    "Centrebus",
    "Kinchbus",
    "East Midlands Railway",
    "National Express",
    "North Face",
    "Stone Island",
    "Canada Goose",
    "Louis Vuitton",
    "Gucci",
    "Nike",
    "Adidas",
    "Apple",
    "Samsung",
)

# Car makes: a name-like word straight after one is a model ("Seat Leon", "Mini Cooper").
CAR_MAKES: frozenset[str] = _words("""
Ford Vauxhall BMW Audi Mercedes Mercedes-Benz Toyota Nissan Volkswagen VW Honda Peugeot Renault
Kia Hyundai Fiat Skoda Seat SEAT Mini MINI Citroen Citroën Volvo Jaguar Lexus Tesla Mazda Suzuki
Yamaha Kawasaki Ducati Rover Range Land Dacia Mitsubishi Subaru Porsche Alfa Romeo Jeep Chevrolet
Cupra Smart Saab Proton MG Lotus Bentley Chrysler Dodge
""")

# Words that make a capitalised phrase an organisation, a street or a place, not a person.
ORG_WORDS: frozenset[str] = _words("""
Police Constabulary Council Borough District County City Parish Ward Hospital Surgery Practice
Clinic Health NHS Trust School Primary Academy College University Nursery Centre Center Church
Chapel Mosque Masjid Temple Gurdwara Mandir Synagogue Library Museum Station Park Garage Shop
Store Stores Market Supermarket Pharmacy Chemist Bakery Cafe Café Restaurant Takeaway Kebab
Pizza Chicken Pub Inn Arms Hotel Bar Club Lounge Gym Leisure Stadium Ltd Limited PLC plc LLP
Services Service Housing Homes Association Partnership Team Unit Group Forum Board Committee
Office Department Agency Authority Commission Commissioner Foundation Charity Project Network
Estate Estates Flats Tower Towers House Court Hall Lodge Works Industrial Business Retail
News Newsagent Newsagents Motors Cars Taxis Taxi Cabs Kitchen Foods Food Mart Wines Off Licence
Convenience Supplies Solutions Consultants Lettings Properties Property Homes Builders Plumbing
Hub Hospice Hostel Refuge Shelter Foodbank Tavern Brewery Cinema Theatre Casino Salon Barbers
Launderette Bank Barclays Lloyds HSBC NatWest Santander Halifax Nationwide Monzo Revolut
Fire Rescue Ambulance Probation Prison Court Magistrates Crown Tribunal Jobcentre DWP HMRC
Home Office Government Ministry Army Navy Force Forces Brigade Watch Aid Advice Support
Road Street Lane Avenue Close Drive Way Crescent Grove Gardens Place Terrace Walk Row Square
Hill Rise View Mews Parade Green Gate Croft Fields Meadow Meadows Vale Chase Wharf Quay Yard
Bridge Brook Road Rd St Ln Ave Cl Dr Cres Gdns Pl Sq Ct Boulevard Circus Bypass Motorway
North South East West Upper Lower Great Little New Old Central High Low Saint Bay
""")

# Street-type words that end an address ("27 Ashby Road"). Our UK list plus Faker's.
_OWN_STREETS = _words("""
Road Rd Street St Lane Ln Avenue Ave Av Close Cl Drive Dr Way Crescent Cres Court Ct Grove Gr
Gardens Gdns Garden Place Pl Terrace Terr Ter Walk Row Square Sq Hill Rise View Mews Parade Pde
Green Gate Gateway Croft Fields Field Meadow Meadows Vale Chase Wharf Quay Yard Park Boulevard
Circus Approach Bank Broadway Crossway Dell Dene End Fold Garth Glade Hollow Leys Link Mount
Nook Orchard Passage Path Pathway Promenade Ride Ridge Spinney Steps Strand Twitchell Twitten
Village Wynd Avenue Heights Paddock Pastures Brow Copse Cottages Buildings Yard Courtyard
""")
STREET_SUFFIXES: frozenset[str] = frozenset(_OWN_STREETS | _FAKER_STREETS)
# The ones trusted when a whole address is written in lower case ("27 ashby road").
LOWER_STREET_SUFFIXES: frozenset[str] = _words(
    "road rd street st lane avenue ave close drive crescent grove gardens terrace mews"
)

MONTHS = _words("""
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""")
DAYS = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur "
    "Thurs Fri Sat Sun"
)

# Capitalised ordinary words common in intelligence writing (headings, sentence starts, makes of
# car, drugs, roles): never taken as a name part on their own.
DOMAIN_WORDS: frozenset[str] = _words("""
Youths Youth Residents Resident Neighbours Neighbour Officers Officer Concerns Concern Reports
Report Reported Intelligence Information Info Suspect Suspects Victim Victims Subject Subjects
Witness Witnesses Male Males Female Females Man Men Woman Women Boy Boys Girl Girls Child Children
Kids Teenagers Teenager Adults Adult Group Groups Gang Gangs People Person Persons Someone Family
Car Cars Van Vans Vehicle Vehicles Bike Bikes Moped Mopeds Scooter Taxi Drugs Drug Cannabis
Cocaine Crack Heroin Ketamine Spice Nitrous Knife Knives Weapon Weapons Machete Firearm Gun
Today Yesterday Tonight Tomorrow Morning Afternoon Evening Night Nights Weekend Weekends Daily
Local Community Anti Social Behaviour ASB Hate Crime Crimes Incident Incidents Update Updates
Source Sources Grading Grade Notes Note Action Actions Summary Location Locations Address
Addresses Date Dates Time Times Description Details Detail Name Names Contact Contacts Phone
Mobile Email Emails Registration Reg VRM Make Model Colour Silver Black White Red Blue Grey
Green Yellow Orange Purple Pink Gold Dark Light Ford Vauxhall BMW Audi Mercedes Toyota Nissan
Volkswagen VW Honda Peugeot Renault Kia Hyundai Fiat Skoda Seat Mini Land Range Rover Focus
Fiesta Corsa Astra Golf Polo Transit Sprinter Prius Qashqai Citroen Volvo Jaguar Lexus Tesla
Mazda Suzuki Yamaha Kawasaki Ducati Harley Insignia Octavia Clio Juke Yaris Auris Passat Berlingo
JAG CSP PCSO PCSOs CID MASH MARAC MAPPA SARC IOM YOS YJS CSE CCE DA DV FGM HBV ASBO CBO CPN CPW
PSPO ABC UK GB EU USA NHS OPCC PCC CCTV ANPR DOB NI NINO PNC DBS SPOC VRN ID IP URL
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Please Thanks Thank Regards Dear Hi Hello Yes No Not None Unknown Unk NFA TBC
Also Further Following Previously Recently Currently Reportedly Allegedly Apparently
Concern Risk Risks Safeguarding Referral Referrals Visit Visits Patrol Patrols Arrest Arrested
Warrant Search Seized Seizure Stop Stopped Noise Litter Fly Tipping Graffiti Damage Criminal
Theft Burglary Robbery Assault Fraud Scam Exploitation Cuckooing Trafficking Slavery Modern
Radicalisation Extremism Terrorism Cohesion Tension Tensions Vulnerable Vulnerability Welfare
Mental Domestic Abuse Violence Sexual Harassment Stalking Bullying Online Internet Facebook
Instagram Snapchat TikTok Twitter WhatsApp Telegram YouTube Google Discord Signal Wickr Insta
Snap Fb Ig Messenger Threads Kik OnlyFans Reddit Tinder Grindr Hinge Bumble Xbox PlayStation
Council Police Housing Fire Health Education Probation Partnership Partners Partner
Street Road Park Shop Shops Flat Flats House Houses Estate Block Garage Alley Alleyway Field
Fields Woods Canal River Bus Train Tram Stop Station Airport Centre Town Village City
Mr Mrs Ms Miss Dr
Later Earlier Then Now Recently Last Next Some Most Many Several Both Each Every Another Other
Universal Credit Benefits Benefit Criminal Behaviour Order Orders Protection Notice Notices
Warning Closure Injunction Public Spaces Acceptable Contract Agreement Multi Agency Early Help
Operation Op Exercise Scheme Programme Project Initiative Campaign Strategy Plan Policy Act
Section Sec Bail Court Hearing Sentence Custody Prison Release Licence Curfew Tag Tagged
Black Asian Minority Ethnic Lives Matter Pride Eid Diwali Ramadan Christmas Easter Halloween
Bonfire Vaisakhi Navratri Carnival Festival Mela Express Extra Local Metro Superstore
Lane Road Street Avenue Close Drive Way
Tel Tel. Mob Mobile Ref Refs Reference Email Emails Fax Ext Extension Txt Msg NB PS Re Fwd Subject
Boxing Bonfire Valentine Valentines Easter Whitsun Hogmanay Halloween Christmas Xmas
Evoque Sportage Golf Polo Astra Corsa Fiesta Octavia Qashqai Yaris Juke Clio Transit Sprinter
Berlingo Discovery Defender Velar Tiguan Passat Kuga Mondeo Insignia Zafira Micra Note Leaf
Ibiza Fabia Superb Picanto Ceed Tucson Sandero Duster Kangaroo Partner Caddy Vivaro Trafic
Login Logins Logon Password Passwords Ipad iPad Iphone iPhone Wifi WiFi Router Laptop Tablet App
Apps Website Online Offline Email Inbox Screenshot Screenshots Selfie Selfies Vape Vapes
Mum Mom Dad Nan Nana Nanna Gran Granny Grandad Grandma Grandpa Auntie Aunty Uncle Bro Sis Hashtag
Hashtags Withheld Redacted Unknown Anonymous Anon Confidential Rated Status Red Amber RAG
Associate Associates Nominal Nominals Offender Offenders Perpetrator Tenant Tenants Carer Landlord
Landlady Neighbours Friend Friends Partner Sibling Siblings Parent Parents Mother Father Son
Daughter
""")

# Everything that can never be a name part unless a title stands before it.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    {
        w.casefold()
        for w in PLACES | DEMONYMS | ORG_WORDS | MONTHS | DAYS | DOMAIN_WORDS | _OWN_STREETS
    }
    | {w.casefold() for w in STOP_WORDS}
)
# Everything that may follow a title and still be the person's name: a narrower list, because
# "Mr Leicester" or "Mrs Hill" are people.
NOT_AFTER_TITLE: frozenset[str] = frozenset(
    {w.casefold() for w in DAYS}
    | {w.casefold() for w in STOP_WORDS}
    | {
        w.casefold()
        for w in _words(
            "Police Council Borough County District Service Services Team Officer Road "
            "Street Lane Avenue"
        )
    }
)

NAME_PARTICLES: frozenset[str] = _words(
    "de del della der den di da dos du van von la le bin binti ibn al el ben"
)
