print("loyal")
