"""Connected intelligence: the people, phones, vehicles, emails, handles and places that
submissions mention, and the links between submissions that share them.

`normalise` is the engine (no Django): one canonical form per value, so that two partners who
write the same phone number or address differently produce the same key. `people` is the
person matcher (no Django): a score and its reasons for two person records, and blocking keys.
"""
