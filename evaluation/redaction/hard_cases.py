"""Hand-written hard cases for the redaction corpus, in the inline markup of ``markup.py``.

Each entry is ``(theme, marked-up text)``. The texts are hard-wrapped here for reading: the
builder joins the lines with spaces, and a ``¶`` at the end of a line keeps a real line break.
They follow the conventions in README.md exactly; where a case exists to test a convention, a
short comment above it says which. All people, numbers and addresses are invented; phone numbers
are from Ofcom's drama ranges where possible; NHS numbers pass the modulus-11 check; "not an NHS
number" ones fail it.
"""

HARD_CASES: list[tuple[str, str]] = [
    # --- names next to place names; surnames that are places --------------------------------
    (
        "county_lines",
        """
Info from the youth club in Shepshed: [[Jordan|PERSON]] from Loughborough has been coming over on
the bus most Fridays with [[Tyler Hinckley|PERSON]] (yes, that is his real surname, and he is from
Hinckley too) and they have been offering the younger ones 'work'. Melton Mowbray's
[[Chris Hall|PERSON]] is the older lad who picks them up from the bus station at about 9pm in a
white van. Nobody has a surname for [[Jordan|PERSON]]. Charnwood Borough Council's youth team are
aware and the PCSO for Shepshed has been told.
""",
    ),
    # --- street names that are surnames; a street without a house number is not an ADDRESS --
    (
        "asb",
        """
Complaint from [[Mrs D. Taylor|PERSON]], who lives off Taylor Road, not on it - her address is
[[14 Stephenson Way|ADDRESS]], Coalville [[LE67 3HX|POSTCODE]]. The lads hang about on Taylor Road
by the garages and cut through to Stephenson Way on bikes. [[Mr Stephenson|PERSON]] at number 12
has complained as well. Nobody knows the lads' names, except that one of them is called
[[Taylor|PERSON]] according to the others, which caused some confusion at the residents' meeting.
[[Mrs Taylor|PERSON]] can be reached on [[01530 562104|PHONE]].
""",
    ),
    # --- people called after places ----------------------------------------------------------
    (
        "exploitation",
        """
[[Chelsea|PERSON]] (15) was seen with [[Paris Green|PERSON]] in Leicester city centre near the
Clock Tower on Saturday night. [[Chelsea|PERSON]] says [[Paris|PERSON]]'s older brother
[[Jordan Green|PERSON]] gives them lifts to parties in Nottingham, at a club called Paris on the
Lace Market. [[Chelsea|PERSON]]'s mum, [[Kerry Ashby|PERSON]] from Ashby, found a wristband from
there. [[Chelsea|PERSON]]'s cousin [[Devon|PERSON]], who has just come back from Devon, says the
girls are given vodka in the car. [[Jordan Green|PERSON]] drives a white Seat Leon
[[YR68 OPA|VEHICLE]].
""",
    ),
    # --- dates that are not dates of birth ---------------------------------------------------
    (
        "domestic_abuse",
        """
Incident on 12/03/2026 at 21:00 outside the Co-op on Leicester Road, Wigston. The victim,
[[Amir Hussain|PERSON]] (DOB [[14/07/1989|DOB]]), was pushed to the ground by his brother-in-law
[[Faisal Mahmood|PERSON]] (DOB [[02/11/1985|DOB]]). A second incident followed on 19/03/2026 at
about 22:30. Reported to police on 13/03/2026, crime ref 23000123456. Review date 01/04/2026; the
DASH completed on 14.03.2026 scored 12. [[Amir|PERSON]] was born in 1989 in Leicester and has
lived in Wigston since 2015; the tenancy started 01/09/2015.
""",
    ),
    # --- collar numbers, money, times: not personal data; nicknames are PERSON ---------------
    (
        "county_lines",
        """
PC 1234 and PCSO 6612 attended the flats at 14:35 on Tuesday following calls about people
buzzing the door all night. Users say the going rate is £40 a bag for white and £10 for a 'bit',
and the line runs from about 7pm to 2am, with a 'two for £25' deal on Sundays. PC 2231 seized two
phones and £1,340 in cash. No names were given, but a lad known as '[[Tank|PERSON]]' was
mentioned twice. Officers on the night: PS 881, PC 4410 and PCSO 7019. Next patrol 19:00-23:00.
""",
    ),
    # --- organisations only: no personal data ------------------------------------------------
    (
        "community",
        """
Referred to Turning Point, Victim First and the Freva service. Leicestershire Police and
Charnwood Borough Council attended the JAG on 05/11/2026, with Harborough District Council's
community safety officer, Hinckley & Bosworth Borough Council and Blaby District Council.
Actions: Leicestershire Fire and Rescue Service to do a joint visit with the housing officer;
the social worker to update at the next meeting; the PCSO to patrol the Sainsbury's car park and
the McDonald's drive-through on Friday and Saturday evenings. Age UK Leicester Shire & Rutland
will offer befriending, and Citizens Advice will help with the debt.
""",
    ),
    # --- job titles and relationships: not personal data -------------------------------------
    (
        "vulnerability",
        """
The PCSO spoke to the housing officer, who spoke to her social worker, who said the family support
worker had already raised it with the school DSL. The Early Help lead and the tenancy sustainment
officer will do a joint visit next week. Her key worker at Turning Point thinks the ASB is linked to
the new tenant upstairs. The Neighbourhood Watch coordinator and the ward councillor have both
been told. Mum and Dad are aware, as is her nan, and her GP has been asked for a letter.
""",
    ),
    # --- 10-digit numbers that fail the NHS check are not NHS numbers ------------------------
    (
        "scams",
        """
[[Mr Pavel Kasprzak|PERSON]] says he was scammed buying a moped online. Order number 9458073025
(from the invoice), tracking number 7527720402, and the seller's company number was 11294573. His
NHS number, which he sent to the seller by mistake as 'ID', is [[702 931 3755|NHS_NUMBER]]. He paid
£1,150 by bank transfer to sort code [[20-45-77|BANK_DETAILS]], account [[53122490|BANK_DETAILS]],
on 02/10/2026. The website has since gone.
""",
    ),
    # --- reference numbers that look like phone numbers --------------------------------------
    (
        "scams",
        """
Action Fraud ref NFRC26110012345. Crime ref 23000123456, incident 0412 of 12/03. The bank's case
number 01164960 is not a phone number, it is the fraud team's reference. The number that actually
called [[Mrs Iris Pickering|PERSON]] was [[0116 496 0871|PHONE]], then a withheld number. Her
landline is [[(0116) 4960342|PHONE]]. The first call lasted 00:47:12. Portal reference
CIP-2026-000123. She is 84 and lives alone in Oadby; her son has been told.
""",
    ),
    # --- lower-case informal text ------------------------------------------------------------
    (
        "county_lines",
        """
saw [[kyle|PERSON]] and his mate [[dean|PERSON]] outside the chippy on wharf st again last nite
about 10, [[kyle|PERSON]] had a wad of cash and was handing stuff thru car windows. car was a grey
golf [[fn19 kcx|VEHICLE]]. [[dean|PERSON]] lives at [[flat 2 17 cobden st|ADDRESS]] with his nan i
think. [[kyle|PERSON]]s number is [[07700900461|PHONE]] if that helps, he put it on his snap
[[@kyle_dn99|HANDLE]] with a pic of a load of cash. pls dont say it was me
""",
    ),
    # --- nicknames are PERSON (without the quotes) -------------------------------------------
    (
        "county_lines",
        """
A male called '[[Smokey|PERSON]]' is running the Coalville line; real name unknown. His runner is
'[[Little J|PERSON]]', 14 or 15, and '[[Smokey|PERSON]]''s girlfriend is known as
[[Bubbles|PERSON]]. [[Smokey|PERSON]] uses a black Audi A3 but nobody has the reg. They call
cannabis
'smoke' and the younger kids 'little ones', and talk about 'the ghost line' on Telegram. The
address used is believed to be on Belvoir Road, near the Marlborough Square end.
""",
    ),
    # --- hyphenated and apostrophe names; councillor title included --------------------------
    (
        "community",
        """
[[Cllr. L. Harper-Davies|PERSON]] raised concerns at the Melton CSP forum about
[[Shane O'Neill|PERSON]] and his cousin [[Siobhan O’Connor|PERSON]], who have been selling
cigarettes
and vapes to under-age kids from the boot of a car. [[O'Neill|PERSON]] has previous for this.
[[Mr Jean-Luc D'Souza|PERSON]], who owns the newsagent, says they park outside his shop on
Nottingham Street every afternoon. [[Cllr Harper-Davies|PERSON]] has asked Trading Standards to
attend. [[Siobhan|PERSON]] is 19 and [[Shane|PERSON]] is 23.
""",
    ),
    # --- initials only are PERSON; a postcode district alone is not a POSTCODE ---------------
    (
        "asb",
        """
[[J.B.|PERSON]] and his cousin [[DW|PERSON]] are suspected of the shed burglaries in Countesthorpe
over half term. [[J.B.|PERSON]] is known to the Youth Justice Service. Initials are all the source
would give. Another youth, [[K.M.|PERSON]], may have been the lookout. They hang around with
'the LE3 lot' from Braunstone. Sheds were broken into on Station Road, Leicester Road and Central
Street, and a quad bike was taken on 28/10/2026.
""",
    ),
    # --- the same person referred to in different ways ---------------------------------------
    (
        "exploitation",
        """
[[Piotr Nowak|PERSON]] (DOB [[21/06/1979|DOB]]) runs a hand car wash on Belgrave Road.
[[Mr Nowak|PERSON]] is believed to house workers at [[47 Cobden Street|ADDRESS]], Leicester
[[LE1 2LB|POSTCODE]]. [[Nowak|PERSON]] drives a black Range Rover, [[PN71 WKD|VEHICLE]]. One worker,
[[Andrei|PERSON]], told a volunteer that '[[Piotr|PERSON]] keeps our passports'.
[[Andrei Popescu|PERSON]] from the Syston site may be the same [[Andrei|PERSON]]. [[NOWAK|PERSON]]
is also linked to a second car wash in Syston.
""",
    ),
    # --- no personal data at all -------------------------------------------------------------
    (
        "asb",
        """
Hotspot review for Loughborough town centre: ASB is up 14% on last year, mostly in the Market
Place and at the bus station between 15:00 and 19:00 on school days. LSOA E01025634 has the
highest rate (18.2 per 1,000). Proposed: extra patrols, a dispersal order for October half term,
and youth outreach through the Falcon Centre. Budget £2,500 from the CSP fund. Next review
14/12/2026. Rated Amber on the action log.
""",
    ),
    (
        "knife_crime",
        """
Knife crime has increased across Hinckley and Bosworth over the summer, with incidents near the
Crescent and at the bus station. Schools have asked for knife-crime workshops in assemblies, and
two retailers have been test-purchased: one failed. The knife bin outside the Co-op on Castle
Street collected 31 blades in September. The Serious Violence Duty partnership meets on
03/12/2026 to agree the next steps. No individuals are named in this report.
""",
    ),
    (
        "scams",
        """
Warning circulated by Trading Standards: a courier-fraud script is being used across Oadby and
Wigston this week. Callers claim to be from 'the fraud squad at Scotland Yard', ask the victim to
call back on the number on the back of their card, then keep the line open. Two residents in
their 80s lost a combined £14,000 last week. Please share the Friends Against Scams leaflet and
remind people that the police and banks will never ask for a PIN. Call 101, or 999 in an
emergency; Samaritans on 116 123 for anyone distressed.
""",
    ),
    # --- road numbers and junctions are not postcodes or registrations -----------------------
    (
        "asb",
        """
Cars racing on the A6 between Loughborough and Quorn most Sunday nights from 23:00, and on the M1
slip road at J23. The B591 and the A512 are also mentioned on the Facebook group. Residents say up
to 40 cars meet at the retail park off the A6004. The 127 bus has been delayed twice by the
crowds. A section 59 warning is being considered and the car park owner has been asked to fit a
height barrier. A Mercedes AMG and a Subaru Impreza were seen, but no registrations were taken.
""",
    ),
    # --- '@' that is not a handle ------------------------------------------------------------
    (
        "county_lines",
        """
Group chat messages seen by a parent: 'meet @ the park 8pm', 'bring the ting @ 9', '£20 @ the
usual'. The messages came from [[@benji.lfc|HANDLE]] and [[@_tiaa.x|HANDLE]]. The parent's daughter
[[Tia|PERSON]] is in the chat, which is called #LE11 Mandem. [[Tia|PERSON]] has been told not to
go but has been sneaking out @ night through the back gate. The school is aware.
""",
    ),
    # --- dates of birth in many formats; years and ages are not DOBs -------------------------
    (
        "exploitation",
        """
[[Kacper Kowalski|PERSON]], born on the [[3rd of March 2001|DOB]], and his sister
[[Ewa Kowalska|PERSON]] (d.o.b [[17.09.2004|DOB]]) are thought to be working at a nail bar in
Hinckley for no pay. Their cousin [[Mateusz|PERSON]], aged 22 and born in 2004, arranged the
jobs. A third worker, [[Ana-Maria Ionescu|PERSON]], gave her date of birth as [[1999-12-05|DOB]].
They all came to the UK in 2024 and live above the shop with no tenancy.
""",
    ),
    (
        "vulnerability",
        """
[[Lacey-Mae Hinds|PERSON]], DOB [[03/04/2012|DOB]], went missing on 03/04/2026, her 14th birthday,
and was found the next day at a house in Braunstone. Her mother, [[Roxanne Hinds|PERSON]]
(born [[22 Jan 1990|DOB]]), reported it at 23:40. The return interview is booked for
10/04/2026. [[Lacey-Mae|PERSON]] attends Limehurst Academy and was last seen with a man in his
twenties who drives a blue Corsa.
""",
    ),
    # --- address forms; block names; 'number 12' alone is not an ADDRESS ---------------------
    (
        "cuckooing",
        """
Possible cuckooing at [[Flat 12, Goscote House|ADDRESS]], St Peter's estate, Leicester. The tenant,
[[Mr Desmond Clarke|PERSON]], is 61 and has COPD. Visitors go up and down the stairwell all
night. A second flat, [[Flat 3, 27 Ashby Road|ADDRESS]], Loughborough, is linked through the same
male, who also uses [[27a Ashby Rd|ADDRESS]] and [[3/19 Storer Road|ADDRESS]]. Neighbours at
number 12 and in the house on the corner of Charnwood Road and Forest Road have noticed the same
faces. [[Desmond|PERSON]]'s sister is in Scotland and is not in contact.
""",
    ),
    # --- phone forms: extension, short codes, two numbers together, international -----------
    (
        "vulnerability",
        """
[[Mrs Hodan Abdullahi|PERSON]] can be contacted on [[07700900111|PHONE]]/[[07700900112|PHONE]] or
through her support worker on [[0116 496 0512|PHONE]] ext 4471. Her brother in Poland,
[[Tomasz Wiśniewski|PERSON]], is on [[+48 512 345 678|PHONE]] and her cousin in Romania on
[[+40 722 123 456|PHONE]]. She has been told to call 101, 999 or 111, and has the Samaritans number
(116 123). Home: tel: [[0116 4960123|PHONE]] (home) / [[07700 900456|PHONE]] (mob).
""",
    ),
    # --- IPv4 with a port, IPv6, a version number that looks like an IP ----------------------
    (
        "scams",
        """
Login alerts on [[Mrs Aruna Lakhani|PERSON]]'s email account show access from
[[86.142.17.203|IP_ADDRESS]]:51234 and [[2a00:23c7:8d0e:1b01::5|IP_ADDRESS]] at 03:12 and 03:14 on
09/11/2026. Her router (firmware 1.0.8.2) was reset by BT on 4/11 and the password changed. The
scammers then logged in from [[198.51.100.77|IP_ADDRESS]] and emailed her contacts from
[[aruna.lakhani@btinternet.com|EMAIL]] asking for iTunes vouchers. App version 4.12.0 was on her
phone at the time.
""",
    ),
    # --- sort code vs a date written with dashes; account number vs other 8-digit numbers ---
    (
        "domestic_abuse",
        """
[[Natalia Kasprzak|PERSON]] says her ex, [[Marek Kasprzak|PERSON]], still takes her Universal
Credit: it is paid into s/c [[40-47-84|BANK_DETAILS]] a/c [[71234567|BANK_DETAILS]], which is in his
name. She left him on 12-03-26 at 14:00 and is staying with a friend. Her own new account is with
Monzo (sort code [[04 00 04|BANK_DETAILS]], account number [[20456781|BANK_DETAILS]]). Claim
reference 26039451; case number 40478412 at the housing options team.
""",
    ),
    # --- IBAN and a full card number are BANK_DETAILS; 'card ending 4471' is not -------------
    (
        "scams",
        """
[[Mr Harold Underwood|PERSON]], 88, of Market Harborough, was talked into sending £23,500 to an
account in Lithuania and another in the UK: [[GB29 NWBK 6016 1331 9268 19|BANK_DETAILS]]. He also
read his card number, [[4929 1823 0045 0612|BANK_DETAILS]], to the caller, who said they were from
Barclays. A second card, ending 4471, was not used. His daughter [[Julie|PERSON]] has cancelled
everything and is getting him a call blocker.
""",
    ),
    # --- obfuscated email; email in angle brackets; generic mailboxes are EMAIL too ----------
    (
        "hate",
        """
Abusive emails have been sent to the mosque committee from [[dave.b.1974 at gmail dot com|EMAIL]]
and from <[[patriot_lboro@protonmail.com|EMAIL]]>. The committee secretary,
[[Mr Yusuf Lakhani|PERSON]], forwarded them from the general inbox
[[info@lboro-mosque.org.uk|EMAIL]].
The emails refer to the Eid event on 30/03/2026 and threaten to 'bring the lads'. Strands: religion
and race.
""",
    ),
    # --- profile URLs and handles without '@' ------------------------------------------------
    (
        "knife_crime",
        """
Drill videos naming rival groups are being posted on [[https://www.instagram.com/deeks_lfc|HANDLE]]
and [[tiktok.com/@lboro.drill|HANDLE]]. The main rapper is on snapchat as [[deeks_lfc|HANDLE]] and
on Telegram as [[@plugz_le11|HANDLE]]. His real name is believed to be [[Darius Eke|PERSON]]. A
second account, insta: [[j.smith99|HANDLE]], reposts them. The videos show a zombie knife and the
skate park in Queens Park.
""",
    ),
    # --- a Facebook name is a PERSON ---------------------------------------------------------
    (
        "hate",
        """
A woman posting on Facebook as [[Kerry Anne Hinds|PERSON]] has been sharing photos of the Traveller
site near Enderby with comments calling for people to 'burn them out'. The posts have over 300
shares. Her profile says she lives in Narborough. Another account, [[Big Al Sutton|PERSON]], has
replied 'meet at the Foxhunter at 7'. Strand: Gypsy and Traveller (race).
""",
    ),
    # --- registrations: private plates, suffix style; negatives: bus numbers, phone models ----
    (
        "county_lines",
        """
Vehicles linked to the line: a black Mercedes on a private plate, [[B16 BOY|VEHICLE]]; a white
Transit van [[HNR 456T|VEHICLE]]; and a silver Toyota Prius taxi, [[LR70 ZXV|VEHICLE]]. Runners
also use the 58 bus and the Arriva 48 to get to Coalville. Phones seized were a Samsung SM-A525F
and an iPhone 13, both with the line number saved as 'Work'. Driver of the Mercedes is
[[Adeyemi Okafor|PERSON]], known as '[[Yungz|PERSON]]'.
""",
    ),
    # --- postcodes: lower case, no space; negatives: districts, sectors, LSOA codes ----------
    (
        "asb",
        """
Fly-tipping at the back of [[19 Heathcott Road|ADDRESS]], [[le113ab|POSTCODE]], and at
[[4 Saxby Street|ADDRESS]], [[Le2 0Nd|POSTCODE]]. The wider LE4 area has had a spike since the tip
changed its hours. The council's hotspot map uses the LE11 3** sector and LSOA E01025741. Most
reports come from postcodes starting LE2 and LE11. Caller: [[Mrs Val Brewin|PERSON]],
[[01509 231447|PHONE]].
""",
    ),
    # --- NI numbers: specimen prefix, spaced, lower case, dashes -----------------------------
    (
        "exploitation",
        """
Three workers at the car wash gave NI numbers when the immigration team visited:
[[QQ 12 34 56 C|NI_NUMBER]] (clearly the example from a form), [[qq123456c|NI_NUMBER]] and
[[JX-40-11-92-B|NI_NUMBER]]. The first two were given by [[Ionut Popa|PERSON]] and
[[Mihai Rusu|PERSON]]; the third by [[Kofi Mensah|PERSON]], who says he has had it since 2019. The
boss said 'NI number not known' for everyone else. 12 workers in total, aged 19 to 40.
""",
    ),
    # --- names that are ordinary words --------------------------------------------------------
    (
        "asb",
        """
[[Will|PERSON]] will be at the meeting on Thursday to speak for the residents. [[Rose|PERSON]]
says the roses in the front garden were dug up again, and [[Amber|PERSON]] from number 9 saw two
lads with a spade. Status on the action log is Amber. [[Mark|PERSON]] marked the times on the
calendar: 23:10, 23:45 and 00:20. [[Hope Marsh|PERSON]] hopes the council will put up a camera.
[[Summer|PERSON]] is [[Amber|PERSON]]'s daughter and was scared this summer.
""",
    ),
    (
        "vulnerability",
        """
[[Grace|PERSON]], 79, told the carer a guy came round and said he was from the water board. The
carer, [[Guy Faulkner|PERSON]], was not there at the time. [[Grace|PERSON]] gave the man £200 in
cash. Another neighbour, [[Faith|PERSON]], saw him get into a red Clio. The joy on [[Joy|PERSON]]'s
face when the police came was obvious - she is [[Grace|PERSON]]'s sister and lives next door.
""",
    ),
    # --- organisations, schools, pubs and shops named after people are not PERSON ------------
    (
        "knife_crime",
        """
Fights after school between pupils of John Cleveland College and Hastings High School, usually at
the bus stop outside the Marks & Spencer in Hinckley and in the William Hill doorway. A boy from
Sir Jonathan North College was seen with a knife in the John Lewis car park in Leicester. Staff at
Robert Smyth Academy and Humphrey Perkins School have had similar reports. Sixth formers drink at
the Marquis of Granby and the Earl of Stamford. No names yet.
""",
    ),
    (
        "general",
        """
Shoplifting gang targeting Morrisons, Sainsbury's, Boots and Marks & Spencer along the A6 from
Oadby to Loughborough. Gang travels in two cars and targets razor blades and baby milk. Stock is
sold on through a market stall and a shop in the Belgrave area. Losses estimated at £18,000 since
August. Retailers have shared CCTV through the Business Crime Reduction Partnership; J D
Wetherspoon staff in Coalville report the same group. Next meeting 08/12/2026.
""",
    ),
    # --- surnames that are place names -------------------------------------------------------
    (
        "cuckooing",
        """
[[Stanley Barwell|PERSON]] lives in Barwell, which everyone finds funny, but he is very
vulnerable. Since the summer, [[Kirby|PERSON]] from Kirby Muxloe and [[Gemma Melton|PERSON]]'s
boyfriend (name not known) have been staying at his bungalow,
[[8 Fosse Way|ADDRESS]]. [[Stanley|PERSON]]'s nephew, [[Ryan Sutton|PERSON]] from Sutton Elms,
says they have taken his bank card. [[Mr Barwell|PERSON]]'s carers come from Enderby.
""",
    ),
    # --- names inside quoted speech and message transcripts ----------------------------------
    (
        "county_lines",
        """
Transcript from a phone handed in by a parent:¶
[21:04] [[Reece|PERSON]]: u got any¶
[21:05] [[Jayden|PERSON]]: 2 left, meet by the garages¶
[21:06] [[Reece|PERSON]]: bet. [[Cal|PERSON]] is coming too¶
[21:40] [[Jayden|PERSON]]: where u at?? the feds are on harrison rd¶
The parent heard someone outside shout 'Oi [[Reece|PERSON]], get in the car' at about 21:45. The
phone belongs to her son, [[Callum Ward|PERSON]], who is 15.
""",
    ),
    # --- names from many traditions ----------------------------------------------------------
    (
        "hate",
        """
[[Abdirahman Mohamed Warsame|PERSON]] and his neighbour [[Jaspreet Kaur Sandhu|PERSON]] were both
targeted on the same evening on Sparkenhoe Street. [[Mr Warsame|PERSON]] had his car window
smashed; [[Mrs Sandhu|PERSON]] was spat at. The witness, [[Ahmed Al-Hassan|PERSON]], followed the
suspect to the park. [[Muhammad bin Tariq|PERSON]], the imam, has asked for a meeting with the
police. The suspect was described as white, 30s, with a Leicester City top.
""",
    ),
    # --- police-style surname-first names; DOB in brackets after the name ---------------------
    (
        "county_lines",
        """
Nominals: [[SINGH, Gurpreet|PERSON]] ([[14/05/1996|DOB]]) - lives [[112 Hastings Road|ADDRESS]],
[[LE5 0HL|POSTCODE]]; [[PATEL Nisha|PERSON]] ([[09/09/1999|DOB]]) - girlfriend, holds cash;
[[O'CONNOR, Liam|PERSON]] (27) - driver, [[FY66 KRD|VEHICLE]]. [[SINGH|PERSON]] and
[[O'CONNOR|PERSON]] were stopped together on 21/10/2026 in [[O'CONNOR|PERSON]]'s car. Intel grading
2/B/P on the previous log.
""",
    ),
    # --- police officers and staff are people; ranks and collar numbers are not part of them --
    (
        "domestic_abuse",
        """
Spoke to DC [[Emma Greaves|PERSON]] from the Harm Reduction Unit, who confirmed the MARAC date.
PC [[Hughes|PERSON]] 2231 took the original report. The IDVA, [[Sarah Okonkwo|PERSON]]
([[sarah.okonkwo@victimfirst.org.uk|EMAIL]]), will contact the victim. Her GP is
[[Dr Okafor|PERSON]] at the Charnwood Medical Group. The victim does not want her name used and
is referred to in the MARAC papers as 'Victim 1'.
""",
    ),
    # --- a street named after a person, with a number, is an ADDRESS (not a PERSON) ----------
    (
        "cuckooing",
        """
Concern about [[Flat 4, 23 King Richards Road|ADDRESS]] and [[12 Robert Hall Street|ADDRESS]],
both in Leicester. The tenant at King Richards Road, [[Maureen Fox|PERSON]], is 72 and partially
sighted. Visitors arrive in taxis from Loughborough and Coalville. A man in his 20s, possibly
[[Luke|PERSON]], has a key to both flats. Housing have been asked to change the locks and to look
at who else lives on Robert Hall Street.
""",
    ),
    # --- a GP named, a hospital ward that is not a person -------------------------------------
    (
        "vulnerability",
        """
[[Mr Bernard Coleman|PERSON]] (NHS [[945 807 3022|NHS_NUMBER]]) was discharged from Ward 7 at the
Leicester Royal Infirmary to an empty house with no care package. He was readmitted two days later
through the Glenfield Hospital's A&E. The ward sister said he was 'not safe to go home'. His
daughter, [[Mrs Pauline Stapleford|PERSON]] ([[pauline.stapleford@hotmail.co.uk|EMAIL]]), lives in
Derby and visits weekends.
""",
    ),
    # --- a date of death and a review date are not DOBs ---------------------------------------
    (
        "vulnerability",
        """
Learning review: [[Mr Raymond Ashby|PERSON]], DOB [[11/08/1941|DOB]], date of death 05/05/2026,
was known to adult social care from 2019. The review panel met on 14/09/2026 and will report by
30/11/2026. His neighbour, [[Mrs Sheila Brewin|PERSON]], had raised concerns on 02/02/2026 and
again on 17/03/2026. Partners involved: Leicestershire County Council, the GP practice and the
housing association.
""",
    ),
    # --- emoji and other non-ASCII characters before the spans (offsets are code points) -----
    (
        "knife_crime",
        """
Parent screenshot 🔪🔪 'anyone from thorpe acre is getting it 💯' posted by
[[@lil.thorpe|HANDLE]] about the Thorpe Acre estate at 03:14 😡 with a photo of a blade.
The poster's name is [[Łukasz Dąbrowski|PERSON]] according
to the other parents. His friend [[Małgorzata Wiśniewska|PERSON]]'s son is tagged too.
""",
    ),
    # --- all-caps text ------------------------------------------------------------------------
    (
        "knife_crime",
        """
URGENT INFO FROM STORE SECURITY: [[KYLE MORGAN|PERSON]] (DOB [[03/04/2006|DOB]]) SEEN WITH LARGE
KNIFE IN WAISTBAND IN STORE AT 16:20 TODAY. LEFT IN GREY VW GOLF [[FN19 KCX|VEHICLE]] TOWARDS
ASHBY ROAD. LIVES [[22 WARWICK WAY|ADDRESS]], LOUGHBOROUGH [[LE11 5FB|POSTCODE]]. MOBILE
[[07700 900 227|PHONE]]. STORE CCTV HELD FOR 30 DAYS. STORE REF 4471-2026.
""",
    ),
    # --- a dense client summary (many structured types together) -----------------------------
    (
        "vulnerability",
        """
Client details for the hardship referral: [[Roxanne Marsh|PERSON]], DOB [[19/02/1991|DOB]], NHS
[[7527720409|NHS_NUMBER]], NI [[JX401192B|NI_NUMBER]], mobile [[+44 7700 900318|PHONE]],
[[roxy.marsh91@outlook.com|EMAIL]], [[Flat 6, 88 Saffron Lane|ADDRESS]], Leicester
[[LE2 6UF|POSTCODE]]. Bank for the grant: [[60-83-71|BANK_DETAILS]] / [[40056321|BANK_DETAILS]].
Children: [[Kai|PERSON]] (6) and [[Mia|PERSON]] (3). Referrer: [[Jo Pickering|PERSON]], Early Help,
[[0116 496 0777|PHONE]].
""",
    ),
    # --- Jordan the person and Jordan the country ---------------------------------------------
    (
        "exploitation",
        """
[[Jordan|PERSON]] says his dad is in Jordan and his mum works nights, so he stays with his uncle
[[Zain Mahmood|PERSON]] in Highfields. [[Zain|PERSON]] sends him to 'drop parcels' in Hinckley and
Nuneaton. [[Jordan|PERSON]] is 14 and has a second phone, [[07700 900 650|PHONE]]. School
(Hastings High School) reported him absent 11 days this term. He was found by BTP at Nuneaton
station on 06/11/2026 with £300.
""",
    ),
    # --- vehicles described without registrations are not labelled ----------------------------
    (
        "domestic_abuse",
        """
[[Leanne Doherty|PERSON]]'s ex-partner has been following her in a black BMW 1 Series with
tinted windows and a dent in the back bumper; she has never got the reg. On 04/11/2026 he parked
outside her work at the Fosse Park Next for two hours. Her new partner, [[Tom|PERSON]], drives a
white Fiesta, [[WR19 HJX|VEHICLE]], and has been threatened too. She is staying with her sister
in Blaby and does not want the address shared.
""",
    ),
    # --- a person's name next to a postcode and an email with a person's name -----------------
    (
        "asb",
        """
Reporting person: [[Sam Pickering|PERSON]] [[LE11 2TX|POSTCODE]],
[[sam.pickering@charnwood.gov.uk|EMAIL]] (works for the council but reporting as a resident).
Youths on e-scooters riding at pedestrians on the Great Central Way towpath between 17:00 and
20:00. One youth is called [[Harvey|PERSON]] and wears a Stone Island jacket; the others call him
'[[H|PERSON]]'. They come from the Shelthorpe side. E-scooters are being bought from a shop on
Pinfold Gate.
""",
    ),
    # --- Ofcom drama numbers in unusual formats ----------------------------------------------
    (
        "scams",
        """
Scam texts claiming to be from Royal Mail and the DVLA came from [[+44 (0) 7700 900 772|PHONE]],
[[0044 7700 900773|PHONE]] and [[07700-900-774|PHONE]]. Victims were asked to call
[[(01632) 960 115|PHONE]] or [[+441164960888|PHONE]]. One victim, [[Mrs Doreen Walsh|PERSON]], of
[[31 Brook Street|ADDRESS]], Syston, rang the number and paid £1.99 'redelivery', then gave her card
details. Shortened links pointed to dvla-refund[.]co.
""",
    ),
    # --- 'Mrs Patel' and 'Patel's' (a shop named after a person) -----------------------------
    (
        "hate",
        """
[[Mrs Priya Patel|PERSON]], who runs Patel's News on Melton Road, had 'go home' and a racist slur
written on her shutters on 27/10/2026. [[Mrs Patel|PERSON]] has CCTV showing two men; one was
wearing a
Ladbrokes work fleece. Her son [[Dev|PERSON]] thinks one of them is [[Wayne Pickering|PERSON]] who
drinks at the Black Horse. Neighbouring shops - Marks & Spencer Simply Food and the Polski sklep -
had nothing.
""",
    ),
    # --- ages and heights, numbers that are none of our types --------------------------------
    (
        "knife_crime",
        """
Description of the suspect from the robbery at the skate park: white male, 16-18, about 6ft 2,
slim build, size 9 Nike TNs, black North Face puffer, Stone Island badge. Stole an iPhone 14 and
£35. The victim is 15 and was not hurt. Area searched 17:30-18:15; ref 26000487112. Similar
robberies on 01/11 and 08/11 at 17:00ish. Patrols tasked for the next four Saturdays.
""",
    ),
    # --- people called only by relationship, pronouns, and a redacted name already ------------
    (
        "domestic_abuse",
        """
Caller did not want to give names. Her daughter's boyfriend has been controlling her daughter's
phone and money, and last weekend he pushed her down the stairs. Her daughter is 19 and pregnant.
The boyfriend's mum has threatened the caller. They live in a first floor flat in Wigston. The
caller will phone back after speaking to her daughter. [NAME WITHHELD] is how she asked to be
recorded.
""",
    ),
    # --- a second repeated-people case with a title and a nickname ---------------------------
    (
        "county_lines",
        """
[[Mr Connor Bailey|PERSON]], who goes by '[[CB|PERSON]]', is believed to be the main supplier in
Ibstock. [[Bailey|PERSON]] lives with his partner [[Shannon Kelly|PERSON]] at
[[5 Copse Close|ADDRESS]], Ibstock [[LE67 6PW|POSTCODE]]. [[Connor|PERSON]]'s younger brother
[[Ricky|PERSON]] does the deliveries on a moped. [[CB|PERSON]] uses [[07700 900 919|PHONE]] and
[[connorb_ibstock@icloud.com|EMAIL]]. [[Shannon|PERSON]] is pregnant and is not thought to be
involved.
""",
    ),
    # --- handle-like words that are not handles; emails next to handles ----------------------
    (
        "community",
        """
Prevent referral: a 17-year-old is posting on X as [[@england_awake88|HANDLE]] and on Discord as
[[whiteknight#2210|HANDLE]]. His email, [[oliver.grant2009@gmail.com|EMAIL]], was used for both. His
name is [[Oliver Grant|PERSON]] and he attends Loughborough College. Hashtags used include
#remigration and #LE11. He has shared a poster for a meeting '@ the Woodgate on Sat'.
""",
    ),
    # --- names in lower case mid-sentence, misspelt ------------------------------------------
    (
        "asb",
        """
the lads on the park are [[jayden|PERSON]], [[tyler|PERSON]] and a girl called [[kaycee|PERSON]] i
think, [[jaydens|PERSON]] mum works at the co-op on the main rd. they were setting fire to the
slide and the bins last nite and the fire brigade came at about 11. my daughter knows them from
school ([[kaycee|PERSON]] is in year 9). they go to the garages off windmill ave after
""",
    ),
    # --- a text that mentions a postcode and a street but no house number --------------------
    (
        "community",
        """
Protest planned outside the hotel on Hinckley Road, [[LE3 0TF|POSTCODE]], on Saturday at 12:00.
Organised through a Telegram channel with about 600 members. Counter-protest planned by Stand Up
To Racism. Businesses on Hinckley Road and Narborough Road have been told. Police liaison team in
contact with both sides. No individuals named at this stage. Coaches expected from Nottingham and
Coventry.
""",
    ),
    # --- a person who shares a name with a place, and a place that is a name -----------------
    (
        "hate",
        """
[[Mrs Lutterworth|PERSON]] (yes, that is her name) from Broughton Astley reported that her son,
[[Ellis|PERSON]], was called homophobic names by a group of older boys at Lutterworth bus station.
[[Ellis Lutterworth|PERSON]] is 15 and autistic. One boy is called [[Bradley|PERSON]] and
another '[[Skinny|PERSON]]'. The bus driver saw it and has given a statement. Strands: sexual
orientation and disability.
""",
    ),
    # --- DOB written as ages and partial dates are not labelled; full ones are --------------
    (
        "exploitation",
        """
Young person: [[Tia-Rose Mensah|PERSON]], 16 (DOB [[5.6.10|DOB]]). She told staff she 'turns 17 in
June' and that her boyfriend is 24. The boyfriend is [[Kwame|PERSON]], surname not known, who she
met on Snapchat ([[kwame_lboro|HANDLE]]). He picks her up from [[9 Moira Road|ADDRESS]], Coalville.
Birthday party planned for June; the home is worried.
""",
    ),
    # --- phone numbers vs times vs long numbers ----------------------------------------------
    (
        "cuckooing",
        """
Between 2200 and 0300 visitors come to the flat every few minutes. The neighbour counted 37 on
the night of 15/11, from 22:04 to 03:10. The landline at the flat is [[01530 834221|PHONE]] and the
tenant, [[Glenys Fox|PERSON]], has a mobile, [[07859 204418|PHONE]], that nobody answers. Her
pension credit reference is 6230 1148 92 and her housing reference is LE/2210/44.
""",
    ),
    # --- email inside a sentence with trailing punctuation; a staff member's details ----------
    (
        "general",
        """
For any questions about this report please contact me, [[Harpreet Gill|PERSON]], Community Safety
Officer, on [[harpreet.gill@oadby-wigston.gov.uk|EMAIL]]. or ring [[0116 496 0259|PHONE]]; out of
hours, [[07700 900 581|PHONE]]. The CSP team inbox is [[csp@oadby-wigston.gov.uk|EMAIL]]. Thanks
to the PCSOs for the patrols over the weekend - no further incidents since 12/11/2026.
""",
    ),
    # --- a person with a title and initials only, and a 'Dr' as a person ---------------------
    (
        "cuckooing",
        """
[[Mr A. J. Brewin|PERSON]], 58, has been visited by the mental health team after neighbours said
he had people staying. [[Dr S. Mistry|PERSON]], his psychiatrist, says he is very suggestible and
would not be able to refuse anyone. [[A.J.|PERSON]] (as he is known) lives at
[[Flat 9, 40 Frederick Street|ADDRESS]], Wigston [[LE18 1PJ|POSTCODE]]. His NHS number is
[[997 220 0337|NHS_NUMBER]].
""",
    ),
    # --- cybercrime with IPs and handles -------------------------------------------------------
    (
        "scams",
        """
Sextortion case: a 16-year-old boy from Market Harborough was contacted on Instagram by
'[[Emily Rose|PERSON]]' ([[@emily.rose.2008x|HANDLE]]) and then blackmailed for £500. Payment was
demanded to a PayPal linked to [[em.rose.payments@outlook.com|EMAIL]]. The account logged in from
[[41.58.102.9|IP_ADDRESS]] and [[2001:db8:4a1f::2c|IP_ADDRESS]]. The boy's parents have reported it
and the school has been told. Advice given: do not pay, keep the messages.
""",
    ),
    # --- repeated first names of two different people ----------------------------------------
    (
        "asb",
        """
Two lads called [[Jack|PERSON]] are involved: [[Jack Underwood|PERSON]], who lives at
[[61 Meadow Lane|ADDRESS]], and [[Jack Fox|PERSON]] from the flats. Big [[Jack|PERSON]]
([[Underwood|PERSON]]) is 17; little [[Jack|PERSON]] is 13. They were seen on a stolen moped on the
Meadow Lane estate on 10/11/2026 at 20:15. [[Jack Fox|PERSON]]'s mum has asked for help with him.
""",
    ),
    # --- a vulnerable adult's details in a safeguarding alert --------------------------------
    (
        "vulnerability",
        """
Safeguarding alert: [[Mr Kevin Marsh|PERSON]] (DOB [[30/06/1968|DOB]], NHS [[858 471
9547|NHS_NUMBER]],
NI [[PR 20 41 77 A|NI_NUMBER]]) has been financially abused by a lodger. He has a brain injury and
lives at [[15 Linwood Lane|ADDRESS]], Leicester [[LE2 6QJ|POSTCODE]]. The lodger is known only as
'[[Gaz|PERSON]]'. [[Kevin|PERSON]]'s benefits go to [[09-01-29|BANK_DETAILS]]
[[11223345|BANK_DETAILS]]
(Santander). Referral made to Adult Social Care.
""",
    ),
    # --- Telegram/WhatsApp numbers, a handle with underscores --------------------------------
    (
        "county_lines",
        """
New line advertised on Telegram by [[@plug_le4_247|HANDLE]]: 'WhatsApp [[+447700900990|PHONE]] for
the menu'. Menu prices: 1 for £10, 3 for £25. Deliveries across LE4 and LE5 from 11am. The driver
uses a grey Qashqai. Another number, [[07700 900991|PHONE]], is in the same posts. Users in
Thurmaston say the dealer is '[[Ghost|PERSON]]'.
""",
    ),
    # --- DOB 'born' phrases and age-only mentions together ------------------------------------
    (
        "domestic_abuse",
        """
MARAC: victim [[Kayleigh Ward|PERSON]], 24, born [[12th October 2001|DOB]]; perpetrator
[[Dean Bailey|PERSON]], 31 (DOB not known). Children: [[Alfie|PERSON]], born 2020, and
[[Lily|PERSON]], born [[14/02/2023|DOB]]. Address: [[3 Elm Tree Avenue|ADDRESS]], Whetstone. The
next MARAC is 11/12/2026. [[Kayleigh|PERSON]]'s IDVA has a safe number for her.
""",
    ),
    # --- a long, realistic, fully-labelled report ---------------------------------------------
    (
        "county_lines",
        """
Submitted on behalf of the Harborough Early Help team. Over the last month, three children from
the same estate in Market Harborough have been reported missing, each time returning with new
clothes and cash. The most concerning is [[Riley Underwood|PERSON]] (14), who lives with his
mother [[Mrs Tracey Underwood|PERSON]] at [[17 Welland Park Road|ADDRESS]], [[LE16 9DR|POSTCODE]].
[[Riley|PERSON]] was found on 03/11/2026 in Corby with [[Lewis Gill|PERSON]] (17) and a man
believed to be [[Darren Coleman|PERSON]], DOB [[28/01/1994|DOB]], who drives a silver Astra
[[KX15 RVT|VEHICLE]]. [[Coleman|PERSON]] has previously been linked to the 'Smoke' line, which is
thought to run on [[07700 900 134|PHONE]]. [[Riley|PERSON]]'s mum has found messages from
[[@dc_smoke_01|HANDLE]] telling him where to go. [[Mrs Underwood|PERSON]] can be contacted on
[[01858 461920|PHONE]] or [[tracey.underwood@sky.com|EMAIL]] and is keen to work with us. The school
(Welland Park Academy) and the Youth Justice Service are aware. The family support worker is
[[Becky Hinds|PERSON]] ([[becky.hinds@harborough.gov.uk|EMAIL]]).
""",
    ),
    # --- vehicle registrations in a list with makes and colours --------------------------------
    (
        "exploitation",
        """
ANPR hits for vehicles linked to the nail bars: [[FJ21 YRB|VEHICLE]] (white Audi A3),
[[FD70WLP|VEHICLE]] (black Mercedes Sprinter), [[T546 KNV|VEHICLE]] (old silver Golf) and
[[KNV 216F|VEHICLE]] (classic Mini, odd one out). The Sprinter is registered to a company in
Birmingham; the Audi to [[Ms Kiran Solanki|PERSON]] of [[205 Uppingham Road|ADDRESS]],
Leicester [[LE5 4DE|POSTCODE]]. Cameras on the A47 and the A563 ring road.
""",
    ),
    # --- personal details of a witness given as contact preferences ---------------------------
    (
        "hate",
        """
Witness [[Mr Ravi Chauhan|PERSON]] would rather be emailed ([[ravi.chauhan@live.co.uk|EMAIL]]) than
called; if you must ring, [[07700 900 402|PHONE]] after 6pm. He saw the abuse from the window of
[[Flat 2B 60 Belgrave Gate|ADDRESS]]. The victim, a Sikh taxi driver, declined to give his name
but said he works for a Loughborough firm. Strands: race and religion.
""",
    ),
    # --- a text with no personal data but many numbers ---------------------------------------
    (
        "general",
        """
Quarterly figures for the JAG: 112 ASB reports (Personal 31, Nuisance 70, Environmental 11); 14
hate incidents; 6 knife crime offences; 3 closures under section 80. Repeat callers down from 19
to 12. Top streets: Market Street, High Street, Station Road. Budget used £12,340 of £20,000.
Next meeting 14/01/2027 at 10:00, Room 3, Council Offices. Actions 23/041 to 23/058 are
Green; 23/059 is Red.
""",
    ),
    # --- a house name with its street is an ADDRESS, like a number --------------------------------
    (
        "vulnerability",
        """
Rural isolation: [[Mrs Edna Pickering|PERSON]], 91, at [[Rose Cottage, Church Lane|ADDRESS]], Saxby,
has no
family nearby and relies on a neighbour, [[Mr Colin Fox|PERSON]] ([[01664 812336|PHONE]]), for her
shopping. The farm next door keeps her drive clear in winter. She was visited by two men
claiming to be from the council on 13/11/2026. Melton Borough Council's community support team
will visit.
""",
    ),
    # --- the same phone written two ways in one text -----------------------------------------
    (
        "scams",
        """
Fake HMRC calls from [[0116 496 0300|PHONE]] (also shown on some phones as [[+441164960300|PHONE]])
to residents in Blaby and Enderby. One caller gave his name as 'Officer [[Daniel Smith|PERSON]]'
and a badge number of 54321. [[Mrs Ann Ward|PERSON]] was told to pay £3,200 in 'unpaid tax' or be
arrested; she put the phone down. Trading Standards aware.
""",
    ),
]
